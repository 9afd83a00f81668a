/**
 * Opens the storage a CLI command works on: the embedded DynamoDB and S3 persisted under `.newswire/` (the
 * default), or real AWS / another emulator when the standard AWS_ENDPOINT_URL_* variables or `--aws` say so.
 */
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { EventBridgeStoryPublisher } from '../../lambdas/adapters/events/eventbridge-publisher';
import { JsonLinesStoryPublisher } from '../../lambdas/adapters/events/local-sink';
import type { StoryEventPublisher } from '../../lambdas/core/ports';
import { type ParsedArgs, stringFlag } from '../args';
import { type LocalServices, startLocalServices } from './services';

/** Storage a command works on, embedded or remote. */
export type Storage = Pick<LocalServices, 'dynamo' | 's3' | 'tableName' | 'bucket' | 'stop'> & {
  readonly kind: 'embedded' | 'aws';
  readonly dataDir: string;
  readonly describe: string;
};

/** The folder for local data: `--data DIR`, else `NEWSWIRE_DATA_DIR`, else `.newswire` in the working folder. */
export function dataDirectory(args: ParsedArgs): string {
  return resolve(stringFlag(args, 'data') ?? process.env.NEWSWIRE_DATA_DIR ?? '.newswire');
}

function usesRemoteAws(args: ParsedArgs): boolean {
  return (
    args.flags.has('aws') || Boolean(process.env.AWS_ENDPOINT_URL_DYNAMODB || process.env.AWS_ENDPOINT_URL)
  );
}

/** Opens embedded services (default) or clients for real AWS / an emulator named by the environment. */
export async function openStorage(
  args: ParsedArgs,
  ports: { dynamoPort?: number; s3Port?: number } = {},
): Promise<Storage> {
  const dataDir = dataDirectory(args);
  if (usesRemoteAws(args)) {
    const tableName = process.env.TABLE_NAME ?? 'newswire-articles';
    const bucket = process.env.RAW_BUCKET;
    if (!bucket) throw new Error('RAW_BUCKET must name the raw article bucket when working against AWS');
    const dynamo = new DynamoDBClient({});
    const s3 = new S3Client({ forcePathStyle: process.env.AWS_S3_FORCE_PATH_STYLE === 'true' });
    return {
      kind: 'aws',
      dataDir,
      dynamo,
      s3,
      tableName,
      bucket,
      describe: `table ${tableName}, bucket ${bucket} (AWS)`,
      stop: async () => {
        dynamo.destroy();
        s3.destroy();
      },
    };
  }
  const services = await startLocalServices({ dataDir, ...ports });
  return { ...services, kind: 'embedded', dataDir, describe: `embedded DynamoDB and S3 in ${dataDir}` };
}

/** The story event publisher: EventBridge when working against AWS with EVENT_BUS_NAME set, else the local sink. */
export function openPublisher(storage: Storage, announce: (line: string) => void): StoryEventPublisher {
  const bus = process.env.EVENT_BUS_NAME;
  if (storage.kind === 'aws' && bus) return new EventBridgeStoryPublisher(new EventBridgeClient({}), bus);
  return new JsonLinesStoryPublisher(resolve(storage.dataDir, 'events.jsonl'), announce);
}
