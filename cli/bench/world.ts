/**
 * The bench's "outside world": the feed farm and the embedded DynamoDB and S3, either in this process (as
 * `newswire demo` runs them) or in a child process, so that their CPU time is not taken from the pipeline, as
 * in AWS where the publishers' servers and the storage services run elsewhere.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { startLocalServices } from '../local/services';
import { type FarmOptions, type FarmTraffic, type FarmView, generateFarm, startFarm, viewFarm } from './farm';

/** The farm and the storage services, wherever they run. */
export interface World {
  readonly farm: FarmView;
  readonly services: {
    readonly dynamo: DynamoDBClient;
    readonly dynamoEndpoint: string;
    readonly s3: S3Client;
    readonly tableName: string;
    readonly bucket: string;
  };
  readonly outOfProcess: boolean;
  /** Requests the farm has served so far. */
  traffic(): Promise<FarmTraffic>;
  /** CPU seconds the world's own process has used so far (0 when it runs in this process). */
  cpuSeconds(): Promise<number>;
  close(): Promise<void>;
}

/** Starts the world in this process. */
async function inProcessWorld(options: FarmOptions): Promise<World> {
  const farm = await startFarm(options);
  const services = await startLocalServices().catch(async (error) => {
    await farm.close();
    throw error;
  });
  return {
    farm,
    services,
    outOfProcess: false,
    traffic: async () => farm.traffic(),
    cpuSeconds: async () => 0,
    close: async () => {
      await services.stop();
      await farm.close();
    },
  };
}

interface Ready {
  type: 'ready';
  bases: string[];
  dynamoEndpoint: string;
  s3Endpoint: string;
  tableName: string;
  bucket: string;
}

/** Starts the world in a child process and connects clients configured as startLocalServices configures its own. */
async function childWorld(options: FarmOptions): Promise<World> {
  const child: ChildProcess = fork(join(__dirname, 'world-child.ts'), [], {
    execArgv: ['--require', require.resolve('tsx/cjs'), '--openssl-legacy-provider'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const waiters = new Map<number, (m: { traffic: FarmTraffic; cpuSeconds: number }) => void>();
  let nextId = 1;
  const ready = new Promise<Ready>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`bench world process exited (${code}) before it was ready`)),
    );
    child.on('message', (m: { type: string; id?: number; message?: string }) => {
      if (m.type === 'ready') resolve(m as Ready);
      else if (m.type === 'error') reject(new Error(`bench world: ${m.message}`));
      else if (m.type === 'traffic' && m.id !== undefined) {
        waiters.get(m.id)?.(m as unknown as { traffic: FarmTraffic; cpuSeconds: number });
        waiters.delete(m.id);
      }
    });
  });
  child.send({ type: 'start', farm: options });
  let info: Ready;
  try {
    info = await ready;
  } catch (error) {
    child.kill();
    throw error;
  }
  child.removeAllListeners('exit');
  const generated = generateFarm(options);
  const region = 'us-east-1';
  const dynamo = new DynamoDBClient({
    endpoint: info.dynamoEndpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  // s3rver accepts only its own key pair.
  const s3 = new S3Client({
    endpoint: info.s3Endpoint,
    region,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const ask = () =>
    new Promise<{ traffic: FarmTraffic; cpuSeconds: number }>((resolve) => {
      const id = nextId++;
      waiters.set(id, resolve);
      child.send({ type: 'traffic', id });
    });
  return {
    farm: viewFarm(generated, info.bases),
    services: {
      dynamo,
      dynamoEndpoint: info.dynamoEndpoint,
      s3,
      tableName: info.tableName,
      bucket: info.bucket,
    },
    outOfProcess: true,
    traffic: async () => (await ask()).traffic,
    cpuSeconds: async () => (await ask()).cpuSeconds,
    close: async () => {
      dynamo.destroy();
      s3.destroy();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          child.kill();
          resolve();
        }, 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ type: 'stop' });
      });
    },
  };
}

/** Starts the farm and the storage services, in a child process unless `inProcess`. */
export function startWorld(options: FarmOptions, inProcess = false): Promise<World> {
  return inProcess ? inProcessWorld(options) : childWorld(options);
}
