import * as path from 'node:path';
import { type Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type ICommandHooks, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { LogLevel } from './config';
import { aliasArgs } from './function-bundling';
import { acknowledgeWildcardResource, nagArn } from './nag';

/** The repository root: handlers, the lock file and `config/` are found from here. */
export const PROJECT_ROOT = path.resolve(__dirname, '..');

/** Settings shared by every function of the pipeline (one place, so the stages cannot drift apart). */
export interface PipelineFunctionProps {
  /** Handler file, relative to the repository root, exporting `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly memoryMb: number;
  readonly timeout: Duration;
  readonly logRetention: logs.RetentionDays;
  /** LOG_LEVEL for Powertools, and Lambda's own filter for JSON logs (which would otherwise drop DEBUG lines). */
  readonly logLevel: LogLevel;
  /** Environment the function's typed config loader reads at cold start. */
  readonly environment: Readonly<Record<string, string>>;
  /** What happens to the log group on stack deletion. @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** Files to copy into the bundle, as `[source relative to the repository root, name in the bundle]`. */
  readonly bundleFiles?: ReadonlyArray<readonly [string, string]>;
  /** Reserved concurrency; leave unset to bound concurrency at the event source instead. @default none */
  readonly reservedConcurrency?: number;
}

/** Copies extra files (such as the feed list) next to the bundled handler. */
class CopyFilesHook implements ICommandHooks {
  constructor(private readonly files: ReadonlyArray<readonly [string, string]>) {}
  beforeBundling(): string[] {
    return [];
  }
  beforeInstall(): string[] {
    return [];
  }
  afterBundling(inputDir: string, outputDir: string): string[] {
    // Node rather than `cp`, so the hook also runs where local bundling uses cmd.exe.
    return this.files.map(
      ([from, to]) =>
        `node -e "require('node:fs').copyFileSync(process.argv[1], process.argv[2])" "${path.join(inputDir, from)}" "${path.join(outputDir, to)}"`,
    );
  }
}

/**
 * A Node.js 22 arm64 function bundled by the local esbuild, with its own role (logs to its own group only),
 * X-Ray tracing, a log group with retention, and the AWS SDK left to the runtime.
 */
export class PipelineFunction extends Construct {
  public readonly function: NodejsFunction;
  public readonly role: iam.Role;
  public readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: PipelineFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });

    // An explicit role instead of AWSLambdaBasicExecutionRole: that managed policy may write to every log group.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description} (execution role)`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: path.join(PROJECT_ROOT, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memoryMb,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel[props.logLevel],
      systemLogLevelV2: lambda.SystemLogLevel.INFO,
      tracing: lambda.Tracing.ACTIVE,
      reservedConcurrentExecutions: props.reservedConcurrency,
      // Stack traces point at the TypeScript source through the bundled source map.
      environment: { ...props.environment, LOG_LEVEL: props.logLevel, NODE_OPTIONS: '--enable-source-maps' },
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      bundling: {
        // Local esbuild only: a deploy must not need Docker.
        forceDockerBundling: false,
        format: OutputFormat.CJS,
        target: 'node22',
        minify: true,
        sourceMap: true,
        // Source text in the map would double the bundle; file and line are enough for stack traces.
        sourcesContent: false,
        // The Node.js 22 runtime ships AWS SDK v3.
        externalModules: ['@aws-sdk/*'],
        // Node reads UTF-8 source; escaping every non-ASCII character (gazetteer names, charset tables)
        // as \uXXXX made the bundles about a fifth larger. (The `charset` prop is not passed on to esbuild
        // by aws-cdk-lib 2.276, hence the raw argument.)
        esbuildArgs: { '--charset': 'utf8', ...aliasArgs() },
        commandHooks: props.bundleFiles ? new CopyFilesHook(props.bundleFiles) : undefined,
      },
    });

    acknowledgeWildcardResource(
      this.role,
      '*',
      'Only the X-Ray statement added by Tracing.ACTIVE uses Resource "*": xray:PutTraceSegments and ' +
        'xray:PutTelemetryRecords support no resource-level permissions.',
    );
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is the runtime this project targets (docs/adr/0001-functions-on-nodejs-22-arm64.md); ' +
        'it is supported by Lambda and moving to a newer one is a deliberate, tested change.',
    });
  }

  /** Reads and writes items of the table and queries its indexes (the grant covers `<table>/index/*`). */
  public grantTableReadWrite(table: dynamodb.ITable): void {
    table.grantReadWriteData(this.function);
    acknowledgeWildcardResource(
      this.role,
      `${nagArn(table)}/index/*`,
      'Queries use the global secondary indexes of this one table (table-design.ts); the wildcard names its indexes, no other table.',
    );
  }

  /** Grants one S3 action on the objects under a prefix of the bucket, and nothing else. */
  public grantObjects(bucket: s3.IBucket, action: 's3:GetObject' | 's3:PutObject', prefix: string): void {
    iam.Grant.addToPrincipal({
      grantee: this.function,
      actions: [action],
      resourceArns: [bucket.arnForObjects(`${prefix}*`)],
    });
    acknowledgeWildcardResource(
      this.role,
      `${nagArn(bucket)}/${prefix}*`,
      `Raw article keys are generated per article under ${prefix}; the function is limited to ${action} there.`,
    );
  }
}
