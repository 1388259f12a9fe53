/**
 * The one way this project makes a Lambda function: an ESM bundle built by the local esbuild
 * (never Docker) with the shared settings of infra/bundling-options.ts, code-split so that a
 * cold start loads only what every invocation needs, the newest Node.js runtime aws-cdk-lib knows, ARM64, explicit memory and
 * timeout, its own log group with retention, X-Ray tracing, and a role of its own that can
 * only write to that log group until the stack grants it more. Every function that renders
 * mail carries a copy of the repository's templates/ in its bundle (TEMPLATES_DIR).
 */
import { buildSync } from 'esbuild';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AssetHashType, DockerImage, Duration, RemovalPolicy, Validations, type ILocalBundling } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ConfigError } from '../../functions/core/errors.js';
import { FUNCTION_HANDLER, toEsbuildOptions } from '../bundling-options.js';
import { writeBundledTemplates } from '../bundled-templates.js';

/** The newest Node.js runtime aws-cdk-lib 2.276 offers (not NODEJS_LATEST, which may move under us). */
export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_24_X;
/** Graviton: cheaper per GB-second than x86 and fast enough for mail parsing. */
export const FUNCTION_ARCHITECTURE = lambda.Architecture.ARM_64;
/** Where the templates/ copy lands inside the deployed bundle (/var/task is the bundle root). */
export const BUNDLED_TEMPLATES_DIR = '/var/task/templates';
/** Directory name of the templates inside the repository and inside each bundle. */
const TEMPLATES_DIR_NAME = 'templates';
/**
 * CDK asks every bundling for a Docker image, used only when local bundling declines. Ours never
 * declines (it builds or throws), so this image is never pulled.
 */
const UNUSED_BUNDLING_IMAGE = 'public.ecr.aws/docker/library/node:24';

/**
 * Bundles one handler on this machine with esbuild's JS API (no Docker): the code-split ESM
 * bundle of infra/bundling-options.ts, plus a copy of templates/ when the function renders mail.
 */
class LocalFunctionBundling implements ILocalBundling {
  constructor(
    private readonly projectRoot: string,
    private readonly entry: string,
    private readonly templatesSource: string | null,
  ) {}

  tryBundle(outputDir: string): boolean {
    buildSync({ ...toEsbuildOptions({ entry: this.entry, outdir: outputDir, absWorkingDir: this.projectRoot }), logLevel: 'warning' });
    if (this.templatesSource) writeBundledTemplates(this.templatesSource, join(outputDir, TEMPLATES_DIR_NAME));
    return true;
  }
}


export interface NotTodayFunctionProps {
  /** Absolute path of the repository root (holds package-lock.json, functions/ and templates/). */
  readonly projectRoot: string;
  /** Handler file name under functions/handlers/, without extension: 'inbound', 'dispatch' or 'actions'. */
  readonly handlerName: string;
  /** What the function does, shown in the console. */
  readonly description: string;
  readonly memorySizeMb: number;
  readonly timeout: Duration;
  readonly logRetention: logs.RetentionDays;
  /** Environment variables (the names of functions/runtime/config.ts). */
  readonly environment: Record<string, string>;
  /** True when the function renders mail and so needs templates/ in its bundle. */
  readonly bundlesTemplates: boolean;
  /** Retries of asynchronous invocations (0-2); only meaningful for async sources. */
  readonly retryAttempts?: number;
  /** Where failed asynchronous invocations go. */
  readonly onFailure?: lambda.IDestination;
}

export class NotTodayFunction extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  private readonly accessPolicy: iam.Policy;

  constructor(scope: Construct, id: string, props: NotTodayFunctionProps) {
    super(scope, id);
    const templatesSource = join(props.projectRoot, TEMPLATES_DIR_NAME);
    if (props.bundlesTemplates && !existsSync(templatesSource)) {
      throw new ConfigError([`${id}: templates directory not found at ${templatesSource}; it is copied into the bundle`]);
    }

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // An own role instead of the AWSLambdaBasicExecutionRole managed policy: it may write to
    // this function's log group only, and every other permission is granted explicitly.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the Not Today ${props.handlerName} function`,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    const environment: Record<string, string> = {
      ...props.environment,
      ...(props.bundlesTemplates ? { TEMPLATES_DIR: BUNDLED_TEMPLATES_DIR } : {}),
    };

    const entry = join(props.projectRoot, 'functions', 'handlers', `${props.handlerName}.ts`);
    this.function = new lambda.Function(this, 'Function', {
      // The asset is the bundle, hashed by its bytes (the repository itself is never staged).
      code: lambda.Code.fromAsset(props.projectRoot, {
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          image: DockerImage.fromRegistry(UNUSED_BUNDLING_IMAGE),
          local: new LocalFunctionBundling(props.projectRoot, entry, props.bundlesTemplates ? templatesSource : null),
        },
      }),
      handler: FUNCTION_HANDLER,
      description: props.description,
      runtime: FUNCTION_RUNTIME,
      architecture: FUNCTION_ARCHITECTURE,
      memorySize: props.memorySizeMb,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      tracing: lambda.Tracing.ACTIVE,
      environment,
      retryAttempts: props.retryAttempts,
      onFailure: props.onFailure,
    });

    // The role's default policy holds only log writing, X-Ray and the failure destination;
    // X-Ray's PutTraceSegments/PutTelemetryRecords have no resource-level permissions.
    const defaultPolicy = this.role.node.tryFindChild('DefaultPolicy');
    if (defaultPolicy) {
      Validations.of(defaultPolicy).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions, so tracing needs Resource "*".',
      });
    }

    // What the function may touch (table, bucket, SES, signing-key parameter) lives in a policy of its own,
    // so the X-Ray acknowledgement above can never hide a wildcard granted here.
    this.accessPolicy = new iam.Policy(this, 'AccessPolicy');
    this.accessPolicy.attachToRole(this.role);
    this.function.node.addDependency(this.accessPolicy);
  }

  /** Grants the function one more permission; keep every statement scoped to named resources. */
  allow(statement: iam.PolicyStatement): void {
    this.accessPolicy.addStatements(statement);
  }
}
