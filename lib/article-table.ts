import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { ARTICLE_TABLE, indexProjection } from '../lambdas/adapters/dynamodb/table-design';

/** Attribute holding the epoch-seconds expiry DynamoDB's TTL deletes on. */
export const TTL_ATTRIBUTE = 'expiresAt';

export interface ArticleTableProps {
  /** Keep the table (and forbid its deletion) when the stack is deleted. @default true */
  readonly retainData?: boolean;
}

/**
 * The single article table: articles, country mentions, feed registry and claims, with the GSIs of
 * `lambdas/adapters/dynamodb/table-design.ts` (the same design the local embedded DynamoDB uses).
 */
export class ArticleTable extends Construct {
  public readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: ArticleTableProps = {}) {
    super(scope, id);
    const retain = props.retainData ?? true;
    const key = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: key(ARTICLE_TABLE.partitionKey),
      sortKey: key(ARTICLE_TABLE.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      // Encrypted at rest with an AWS-owned key: no KMS request charges, nothing to manage.
      encryption: dynamodb.TableEncryption.DEFAULT,
      deletionProtection: retain,
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    for (const index of ARTICLE_TABLE.indexes) {
      // Story indexes carry a summary, not the article text (docs/adr/0005).
      const projection = indexProjection(index);
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: key(index.partitionKey),
        sortKey: 'sortKey' in index ? key(index.sortKey) : undefined,
        projectionType: dynamodb.ProjectionType[projection.type],
        nonKeyAttributes: projection.nonKeyAttributes,
      });
    }
  }
}
