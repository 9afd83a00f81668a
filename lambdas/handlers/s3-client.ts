/** The S3 client of the poll and extract functions, created once per execution environment and traced. */
import { S3Client } from '@aws-sdk/client-s3';
import { tracer } from './runtime';

let s3: S3Client | undefined;

/** The S3 client of this execution environment (path-style addressing when AWS_S3_FORCE_PATH_STYLE=true). */
export function s3Client(): S3Client {
  s3 ??= tracer.captureAWSv3Client(
    new S3Client({ forcePathStyle: process.env.AWS_S3_FORCE_PATH_STYLE === 'true' }),
  );
  return s3;
}
