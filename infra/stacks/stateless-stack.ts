/**
 * The code and its wiring, safe to destroy and redeploy: the three functions (through the
 * one house construct), the SES receipt rule (S3 then Lambda) in the stateful stack's rule
 * set, the dispatch schedule, the actions Function URL, the inbound failure queue and the
 * alarms that email the owner.
 */
import { CfnOutput, Duration, Fn, Stack, type StackProps, Token, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sesActions from 'aws-cdk-lib/aws-ses-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { TABLE_DESIGN } from '../../functions/adapters/table-design.js';
import { type DeployConfig, domainOf } from '../config/deploy-config.js';
import { NotTodayFunction } from '../constructs/not-today-function.js';
import { FUNCTION_SIZES } from '../function-sizes.js';
import { PUBLIC_ENDPOINT_PACK } from '../nag/public-endpoint-checks.js';
import {
  RAW_MAIL_PREFIX,
  RECEIPT_RULE_NAME,
  RECEIPT_RULE_SET_NAME,
  rawMailBucketName,
  receiptRuleArn,
  type StatefulStack,
} from './stateful-stack.js';

/** Memory and timeout of one function (infra/function-sizes.ts), as the construct takes them. */
function sizeOf(name: keyof typeof FUNCTION_SIZES): { memorySizeMb: number; timeout: Duration } {
  const size = FUNCTION_SIZES[name];
  return { memorySizeMb: size.memorySizeMb, timeout: Duration.seconds(size.timeoutSeconds) };
}
/** Retries of an inbound invocation SES made asynchronously, before it goes to the failure queue. */
export const INBOUND_RETRY_ATTEMPTS = 2;
/** How long a failed inbound event waits in the failure queue (SQS's maximum). */
const FAILURE_QUEUE_RETENTION = Duration.days(14);
/** Function logs are kept this long. */
export const LOG_RETENTION = logs.RetentionDays.THREE_MONTHS;
/** The service name every function logs under. */
const SERVICE_NAME = 'not-today';
/** Alarm evaluation window. */
const ALARM_PERIOD = Duration.minutes(5);

/**
 * DynamoDB actions the repository uses: single-item conditional puts and updates, gets and
 * queries; no scans, deletes or transactions (a test checks this list against the adapters).
 */
const TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];

/** SSM actions on the signing-key parameter: read it, and create it if a first start finds none. */
const SIGNING_KEY_ACTIONS = ['ssm:GetParameter', 'ssm:PutParameter'];

/** A pseudo parameter as cdk-nag prints it in a finding id: the literal when known, else <AWS::Name>. */
function asNagText(value: string, pseudoParameter: string): string {
  return Token.isUnresolved(value) ? `<AWS::${pseudoParameter}>` : value;
}

export interface StatelessStackProps extends StackProps {
  readonly config: DeployConfig;
  readonly stateful: StatefulStack;
  /** Absolute path of the repository root. */
  readonly projectRoot: string;
}

export class StatelessStack extends Stack {
  readonly inbound: NotTodayFunction;
  readonly dispatch: NotTodayFunction;
  readonly actions: NotTodayFunction;
  readonly actionsUrl: lambda.FunctionUrl;
  readonly inboundFailureQueue: sqs.Queue;
  readonly alarmTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config, stateful, projectRoot } = props;
    this.addStackDependency(stateful);

    const sharedEnvironment: Record<string, string> = {
      TABLE_NAME: stateful.table.tableName,
      RAW_MAIL_BUCKET: rawMailBucketName(this.account, this.region),
      RAW_MAIL_PREFIX,
      OWNER_ID: config.ownerId,
      OWNER_ADDRESSES: config.ownerAddresses.join(','),
      OWNER_NAME: config.ownerName,
      FROM_ADDRESS: config.fromAddress,
      INBOUND_ADDRESS: config.inboundAddress,
      TIME_ZONE: config.timeZone,
      SEND_HOUR: String(config.sendHour),
      ...(config.cadence === undefined ? {} : { CADENCE: config.cadence }),
      SIGNING_KEY_PARAMETER_NAME: stateful.signingKeyParameterName,
      SIGNING_KEY_ID: config.signingKeyId,
      MAX_MAIL_BYTES: String(config.maxMailBytes),
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      POWERTOOLS_LOG_LEVEL: config.logLevel,
    };

    // Actions first: its Function URL is the base of every link the others send. The actions
    // function itself cannot be given ACTIONS_BASE_URL: its URL resource depends on it, so
    // the reference would be a CloudFormation cycle. It must take its base URL from the
    // request it serves (requestContext.domainName is the Function URL's host).
    this.actions = new NotTodayFunction(this, 'Actions', {
      projectRoot,
      handlerName: 'actions',
      description: 'Not Today: one-click signed links (confirm page, then the action)',
      ...sizeOf('actions'),
      logRetention: LOG_RETENTION,
      environment: sharedEnvironment,
      bundlesTemplates: true,
    });
    this.actionsUrl = this.actions.function.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
    // Public on purpose: every request carries an HMAC-signed, expiring token the function verifies.
    const publicReason =
      'The actions Function URL needs no IAM auth because every request carries an HMAC-signed, expiring token that the function verifies.';
    Validations.of(this.actionsUrl).acknowledge({ id: `${PUBLIC_ENDPOINT_PACK}-LambdaFunctionUrlAuth`, reason: publicReason });
    const urlPermissions = this.actions.function.permissionsNode.children.filter((child) => child instanceof lambda.CfnPermission);
    for (const permission of urlPermissions) {
      Validations.of(permission).acknowledge({
        id: `${PUBLIC_ENDPOINT_PACK}-LambdaFunctionPublicAccessProhibited`,
        reason: publicReason,
      });
    }
    // The URL ends in "/"; links are `${ACTIONS_BASE_URL}/a/<token>`, so pass https://<host>.
    const actionsBaseUrl = Fn.join('', ['https://', Fn.select(2, Fn.split('/', this.actionsUrl.url))]);
    const linkEnvironment = { ...sharedEnvironment, ACTIONS_BASE_URL: actionsBaseUrl };

    this.inboundFailureQueue = new sqs.Queue(this, 'InboundFailureQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: FAILURE_QUEUE_RETENTION,
    });
    Validations.of(this.inboundFailureQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the on-failure destination of the inbound function, so it needs no dead-letter queue of its own.',
    });

    this.inbound = new NotTodayFunction(this, 'Inbound', {
      projectRoot,
      handlerName: 'inbound',
      description: 'Not Today: reads a forwarded rejection that SES stored in S3 and drafts the thank-you',
      ...sizeOf('inbound'),
      logRetention: LOG_RETENTION,
      environment: linkEnvironment,
      bundlesTemplates: true,
      retryAttempts: INBOUND_RETRY_ATTEMPTS,
      onFailure: new SqsDestination(this.inboundFailureQueue),
    });

    this.dispatch = new NotTodayFunction(this, 'Dispatch', {
      projectRoot,
      handlerName: 'dispatch',
      description: 'Not Today: sends the prompts that are due',
      ...sizeOf('dispatch'),
      logRetention: LOG_RETENTION,
      environment: linkEnvironment,
      bundlesTemplates: true,
      retryAttempts: 0,
    });

    this.grantAccess(config, stateful);
    this.addReceiptRule(config, stateful);

    new events.Rule(this, 'DispatchSchedule', {
      description: 'Wakes the dispatcher to send due prompts',
      schedule: events.Schedule.rate(Duration.minutes(config.dispatchRateMinutes)),
      targets: [new targets.LambdaFunction(this.dispatch.function, { retryAttempts: 0 })],
    });

    this.alarmTopic = this.addAlarms(config);

    new CfnOutput(this, 'ActionsFunctionUrl', { value: this.actionsUrl.url, description: 'Base of every action link' });
  }

  /** Least privilege: each function gets exactly the resources its use cases touch. */
  private grantAccess(config: DeployConfig, stateful: StatefulStack): void {
    const tableResources = [stateful.table.tableArn, `${stateful.table.tableArn}/index/${TABLE_DESIGN.dueIndex.name}`];
    const identityArn = (name: string): string => this.formatArn({ service: 'ses', resource: 'identity', resourceName: name });
    const identityResources = [
      identityArn(stateful.sendingDomain),
      // In the SES sandbox, sending also needs permission on each (verified) recipient identity.
      ...config.ownerAddresses.filter((address) => domainOf(address) !== stateful.sendingDomain).map(identityArn),
    ];
    // Every function signs or verifies links. Read, and create on the first cold start, the one
    // signing-key parameter. No kms: statement: the SecureString is encrypted with the
    // AWS-managed aws/ssm key, whose key policy already lets any principal of this account use
    // it through SSM (kms:CallerAccount + kms:ViaService ssm.<region>.amazonaws.com).
    const signingKeyParameterArn = this.formatArn({
      service: 'ssm',
      resource: 'parameter',
      resourceName: stateful.signingKeyParameterName.replace(/^\//, ''),
    });
    for (const fn of [this.inbound, this.dispatch, this.actions]) {
      fn.allow(new iam.PolicyStatement({ actions: TABLE_ACTIONS, resources: tableResources }));
      fn.allow(new iam.PolicyStatement({ actions: ['ses:SendRawEmail'], resources: identityResources }));
      fn.allow(new iam.PolicyStatement({ actions: SIGNING_KEY_ACTIONS, resources: [signingKeyParameterArn] }));
    }
    this.inbound.allow(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [`arn:${this.partition}:s3:::${rawMailBucketName(this.account, this.region)}/${RAW_MAIL_PREFIX}*`],
      }),
    );
    Validations.of(this.inbound).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:${asNagText(this.partition, 'Partition')}:s3:::${rawMailBucketName(asNagText(this.account, 'AccountId'), asNagText(this.region, 'Region'))}/${RAW_MAIL_PREFIX}*]`,
      reason: 'Raw mail objects are keyed by SES message id under inbound/, so the prefix is the narrowest resource that names them.',
    });
  }

  /** The inbound rule: TLS required, spam/virus scan on, raw mail into S3 first, then the function. */
  private addReceiptRule(config: DeployConfig, stateful: StatefulStack): void {
    const ruleArn = receiptRuleArn(this, RECEIPT_RULE_SET_NAME, RECEIPT_RULE_NAME);
    // Our own permission (the Lambda action reuses the id "AllowSes") so it names the rule too.
    this.inbound.function.addPermission('AllowSes', {
      action: 'lambda:InvokeFunction',
      principal: new iam.ServicePrincipal('ses.amazonaws.com'),
      sourceAccount: this.account,
      sourceArn: ruleArn,
    });
    const ruleSet = ses.ReceiptRuleSet.fromReceiptRuleSetName(this, 'RuleSet', RECEIPT_RULE_SET_NAME);
    new ses.ReceiptRule(this, 'InboundRule', {
      ruleSet,
      receiptRuleName: RECEIPT_RULE_NAME,
      recipients: [config.inboundAddress],
      tlsPolicy: ses.TlsPolicy.REQUIRE,
      scanEnabled: true,
      enabled: true,
      actions: [
        new RawMailToS3Action(rawMailBucketName(this.account, this.region), RAW_MAIL_PREFIX),
        new sesActions.Lambda({ function: this.inbound.function, invocationType: sesActions.LambdaInvocationType.EVENT }),
      ],
    });
  }

  /** Failure queue depth, and errors and throttles per function, emailed to the owner. */
  private addAlarms(config: DeployConfig): sns.Topic {
    // Not encrypted at rest, on purpose: the topic carries only alarm names, states and the
    // alarm descriptions (no personal data, no mail), and CloudWatch cannot publish to a topic
    // encrypted with the AWS-managed key, so encryption would need a customer-managed KMS key
    // at $1.00 a month, more than the rest of a deployment's fixed cost. Publishing still requires TLS.
    const topic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'Not Today alarms',
      enforceSSL: true,
    });
    topic.addSubscription(new subscriptions.EmailSubscription(config.alarmEmail ?? config.ownerAddresses[0]!));
    const action = new cloudwatchActions.SnsAction(topic);

    const alarms: cloudwatch.Alarm[] = [
      this.inboundFailureQueue.metricApproximateNumberOfMessagesVisible({ period: ALARM_PERIOD }).createAlarm(this, 'InboundFailuresAlarm', {
        alarmDescription: 'A forwarded mail could not be processed after retries; its event is in the failure queue',
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    ];
    for (const [name, fn] of [
      ['Inbound', this.inbound],
      ['Dispatch', this.dispatch],
      ['Actions', this.actions],
    ] as const) {
      alarms.push(
        fn.function.metricErrors({ period: ALARM_PERIOD, statistic: cloudwatch.Stats.SUM }).createAlarm(this, `${name}ErrorsAlarm`, {
          alarmDescription: `The ${name.toLowerCase()} function failed`,
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
        fn.function.metricThrottles({ period: ALARM_PERIOD, statistic: cloudwatch.Stats.SUM }).createAlarm(this, `${name}ThrottlesAlarm`, {
          alarmDescription: `The ${name.toLowerCase()} function was throttled`,
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      );
    }
    for (const alarm of alarms) alarm.addAlarmAction(action);
    return topic;
  }
}

/**
 * SES S3 action without the aws:Referer bucket statement the aws-ses-actions S3 action adds:
 * the stateful stack's bucket policy already allows SES, scoped by SourceAccount and SourceArn.
 * No KMS key: the bucket encrypts at rest (SSE-S3), and an SES KMS key would mean client-side
 * encryption the inbound function would have to undo.
 */
class RawMailToS3Action implements ses.IReceiptRuleAction {
  constructor(
    private readonly bucketName: string,
    private readonly objectKeyPrefix: string,
  ) {}

  bind(): ses.ReceiptRuleActionConfig {
    return { s3Action: { bucketName: this.bucketName, objectKeyPrefix: this.objectKeyPrefix } };
  }
}
