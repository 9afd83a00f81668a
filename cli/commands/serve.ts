/**
 * `newswire serve`: keeps the embedded DynamoDB and S3 running with the stored data, so the AWS CLI, NoSQL
 * Workbench or any SDK can query them.
 */
import { intFlag, parseArgs } from '../args';
import { openStorage } from '../local/context';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, []);
  const dynamoPort = intFlag(args, 'dynamodb-port', 8000);
  const s3Port = intFlag(args, 's3-port', 4568);
  const storage = await openStorage(
    { ...args, flags: new Map([...args.flags].filter(([k]) => k !== 'aws')) },
    { dynamoPort, s3Port },
  );
  const dynamo = `http://127.0.0.1:${dynamoPort}`;
  const s3 = `http://127.0.0.1:${s3Port}`;
  console.log(`Newswire local services (data in ${storage.dataDir})
  DynamoDB  ${dynamo}   table ${storage.tableName}
  S3        ${s3}   bucket ${storage.bucket}   (access key S3RVER / secret S3RVER)

Any credentials work for DynamoDB; region us-east-1. Try:
  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1
  aws dynamodb query --endpoint-url ${dynamo} --table-name ${storage.tableName} \\
    --index-name diplomatic-by-time --key-condition-expression 'storyList = :s' \\
    --expression-attribute-values '{":s":{"S":"DIPLOMATIC"}}' --no-scan-index-forward
  aws dynamodb query --endpoint-url ${dynamo} --table-name ${storage.tableName} \\
    --key-condition-expression 'pk = :c' --expression-attribute-values '{":c":{"S":"COUNTRY#KHM"}}'
  AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER aws s3 ls --recursive --endpoint-url ${s3} s3://${storage.bucket}/raw/
More queries: docs/queries.md. Press Ctrl-C to stop.`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await storage.stop();
  return 0;
}
