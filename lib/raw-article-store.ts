import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Where raw articles live in the bucket: `raw/YYYY/MM/DD/<articleId>/page.html.gz` and `item.json`. */
export const RAW_PREFIX = 'raw/';

export interface RawArticleStoreProps {
  /** Move raw objects of 128 KB and more to Glacier Instant Retrieval after this many days. @default never */
  readonly archiveAfterDays?: number;
  /** Delete raw objects after this many days; they are needed to reprocess, so keep them. @default never */
  readonly expireAfterDays?: number;
  /** Days to keep S3 server access logs. @default 90 */
  readonly accessLogRetentionDays?: number;
  /** Keep both buckets and their objects on stack deletion. @default true */
  readonly retainData?: boolean;
}

/** The S3 bucket holding every fetched article page and its fetch record, private, encrypted, TLS only. */
export class RawArticleStore extends Construct {
  public readonly bucket: s3.Bucket;
  public readonly accessLogBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: RawArticleStoreProps = {}) {
    super(scope, id);
    const retain = props.retainData ?? true;
    const removal = {
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !retain,
    };

    this.accessLogBucket = new s3.Bucket(this, 'AccessLogs', {
      // Server access log delivery supports only SSE-S3.
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      lifecycleRules: [
        { id: 'expire-access-logs', expiration: Duration.days(props.accessLogRetentionDays ?? 90) },
      ],
      ...removal,
    });
    Validations.of(this.accessLogBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it to itself would loop.',
    });

    const rawRule: s3.LifecycleRule = {
      id: 'raw-articles',
      prefix: RAW_PREFIX,
      transitions:
        props.archiveAfterDays === undefined
          ? undefined
          : [
              {
                storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL,
                transitionAfter: Duration.days(props.archiveAfterDays),
              },
            ],
      expiration: props.expireAfterDays === undefined ? undefined : Duration.days(props.expireAfterDays),
    };

    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'raw-bucket/',
      // Objects under 128 KB cost more in Instant Retrieval (minimum billable size) than they save.
      transitionDefaultMinimumObjectSize: s3.TransitionDefaultMinimumObjectSize.ALL_STORAGE_CLASSES_128_K,
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        ...(rawRule.transitions || rawRule.expiration ? [rawRule] : []),
      ],
      ...removal,
    });
  }
}
