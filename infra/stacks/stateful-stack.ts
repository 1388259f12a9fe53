/**
 * Everything that holds data or identity and must outlive a redeploy: the table, the raw-mail
 * bucket (and its access-log bucket), the SES receipt rule set, the SES sending identity and
 * the name of the signing-key parameter. Every resource here is retained when the stack is deleted.
 *
 * The signing keys live in an SSM SecureString parameter that is NOT a CloudFormation
 * resource: CloudFormation cannot create a SecureString, and the key must never appear in a
 * template. The functions create it on their first cold start (functions/adapters/
 * ssm-signing-keys.ts), so deleting the stacks leaves it behind; remove it with
 * `aws ssm delete-parameter --name <SigningKeyParameterName>` (every link already sent stops
 * working, and a new deployment starts with a fresh key).
 *
 * The receipt RULE lives in the stateless stack, next to the inbound function it invokes;
 * this stack owns the rule SET (and activates it), and the bucket policy that lets SES write
 * under inbound/ for exactly that rule (its ARN is built from the fixed names below).
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as cr from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { TABLE_DESIGN } from '../../functions/adapters/table-design.js';
import { type DeployConfig, domainOf } from '../config/deploy-config.js';

/** Names fixed at synth time, so both stacks (and the bucket policy) agree without cross references. */
export const RECEIPT_RULE_SET_NAME = 'not-today';
export const RECEIPT_RULE_NAME = 'not-today-inbound';
/** Key prefix of raw mail written by the SES S3 action; the inbound function reads only there. */
export const RAW_MAIL_PREFIX = 'inbound/';
/** Construct id of aws-cdk-lib's singleton AwsCustomResource provider function. */
const AWS_CUSTOM_RESOURCE_PROVIDER_ID = 'AWS679f53fac002430cb0da5b7982bd2287';
/** Old versions of raw mail (overwrites are rare) go after this many days. */
const NONCURRENT_VERSION_EXPIRY_DAYS = 30;
/** Server access logs are kept this long. */
const ACCESS_LOG_RETENTION_DAYS = 90;
/** Days before S3 moves raw mail to Infrequent Access (S3's minimum for that class). */
const INFREQUENT_ACCESS_AFTER_DAYS = 30;

/**
 * The raw-mail bucket's name: fixed per account and region, so the stateless stack can name
 * it (env, IAM) without a cross-stack reference. One deployment per account and region,
 * which SES receiving (one active rule set) imposes anyway.
 */
export function rawMailBucketName(account: string, region: string): string {
  return `not-today-raw-mail-${account}-${region}`;
}

/** ARN of a receipt rule, as SES sends it as aws:SourceArn. */
export function receiptRuleArn(stack: Stack, ruleSetName: string, ruleName: string): string {
  return `arn:${stack.partition}:ses:${stack.region}:${stack.account}:receipt-rule-set/${ruleSetName}:receipt-rule/${ruleName}`;
}

/**
 * The name of a deployment's signing-key parameter, derived from the stateful stack's name so
 * each deployment (one per account and region) has its own, e.g.
 * /not-today/NotTodayStateful/signing-keys.
 */
export function signingKeyParameterName(statefulStackName: string): string {
  return `/not-today/${statefulStackName}/signing-keys`;
}

export interface StatefulStackProps extends StackProps {
  readonly config: DeployConfig;
}

export class StatefulStack extends Stack {
  readonly table: dynamodb.Table;
  readonly rawMailBucket: s3.Bucket;
  /** SSM SecureString holding the link-signing keys; created by the functions' first cold start. */
  readonly signingKeyParameterName: string;
  readonly sendingIdentity: ses.EmailIdentity;
  readonly ruleSet: ses.ReceiptRuleSet;
  /** Domain of the sending identity (the domain of fromAddress). */
  readonly sendingDomain: string;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: TABLE_DESIGN.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_DESIGN.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The due index's projection comes from table-design.ts (keys only: gsi1sk carries the
    // due time, owner and contact id, which is all a sweep needs to claim a plan by its key).
    this.table.addGlobalSecondaryIndex({
      indexName: TABLE_DESIGN.dueIndex.name,
      partitionKey: { name: TABLE_DESIGN.dueIndex.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_DESIGN.dueIndex.sortKey, type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType[TABLE_DESIGN.dueIndex.projection],
    });

    const accessLogBucket = new s3.Bucket(this, 'AccessLogBucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(ACCESS_LOG_RETENTION_DAYS) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(accessLogBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket receives the raw-mail bucket\'s server access logs; logging it into itself would loop.',
    });

    this.rawMailBucket = new s3.Bucket(this, 'RawMailBucket', {
      bucketName: rawMailBucketName(this.account, this.region),
      encryption: s3.BucketEncryption.S3_MANAGED,
      versioned: true,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogBucket,
      serverAccessLogsPrefix: 'raw-mail/',
      lifecycleRules: [
        {
          id: 'raw-mail-retention',
          prefix: RAW_MAIL_PREFIX,
          ...(config.rawMailRetentionDays > INFREQUENT_ACCESS_AFTER_DAYS
            ? {
                transitions: [
                  {
                    storageClass: s3.StorageClass.INFREQUENT_ACCESS,
                    transitionAfter: Duration.days(INFREQUENT_ACCESS_AFTER_DAYS),
                  },
                ],
              }
            : {}),
          expiration: Duration.days(config.rawMailRetentionDays),
          noncurrentVersionExpiration: Duration.days(NONCURRENT_VERSION_EXPIRY_DAYS),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // SES may put objects under inbound/ only, only for this account and only for our rule.
    this.rawMailBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowSesPutInboundMail',
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [this.rawMailBucket.arnForObjects(`${RAW_MAIL_PREFIX}*`)],
        conditions: {
          StringEquals: {
            'aws:SourceAccount': this.account,
            'aws:SourceArn': receiptRuleArn(this, RECEIPT_RULE_SET_NAME, RECEIPT_RULE_NAME),
          },
        },
      }),
    );

    // No resource: see the file comment (the functions create the SecureString at run time).
    this.signingKeyParameterName = signingKeyParameterName(this.stackName);

    this.sendingDomain = domainOf(config.fromAddress);
    this.sendingIdentity = new ses.EmailIdentity(this, 'SendingIdentity', {
      identity: ses.Identity.domain(this.sendingDomain),
      dkimSigning: true,
    });
    this.sendingIdentity.applyRemovalPolicy(RemovalPolicy.RETAIN);

    if (config.verifyOwnerAddresses) {
      // In the SES sandbox every recipient must be verified: SES mails each owner address a link.
      config.ownerAddresses
        .filter((address) => domainOf(address) !== this.sendingDomain)
        .forEach((address, index) => {
          const identity = new ses.EmailIdentity(this, `OwnerAddressIdentity${index + 1}`, {
            identity: ses.Identity.email(address),
          });
          identity.applyRemovalPolicy(RemovalPolicy.RETAIN);
        });
    }

    this.ruleSet = new ses.ReceiptRuleSet(this, 'ReceiptRuleSet', {
      receiptRuleSetName: RECEIPT_RULE_SET_NAME,
    });
    this.ruleSet.applyRemovalPolicy(RemovalPolicy.RETAIN);

    if (config.activateReceiptRuleSet) {
      this.activateRuleSet();
    }

    new CfnOutput(this, 'InboundAddress', { value: config.inboundAddress, description: 'Forward rejections here' });
    new CfnOutput(this, 'InboundMxRecord', {
      value: `${config.inboundDomain} MX 10 inbound-smtp.${this.region}.amazonaws.com`,
      description: 'Add this MX record so SES receives mail for the inbound domain',
    });
    this.sendingIdentity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: `DKIM record ${index + 1} of the sending domain ${this.sendingDomain}`,
      });
    });
    new CfnOutput(this, 'ReceiptRuleSetName', { value: RECEIPT_RULE_SET_NAME });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'RawMailBucketName', { value: this.rawMailBucket.bucketName });
    new CfnOutput(this, 'SigningKeyParameterName', {
      value: this.signingKeyParameterName,
      description: 'SSM SecureString of the link-signing keys (created by the first cold start; kept when the stacks are deleted)',
    });
  }

  /**
   * Makes our rule set the account's active one on create and update (SES has no
   * CloudFormation property for it). Deleting the stack leaves it active and retained.
   */
  private activateRuleSet(): void {
    const activate: cr.AwsSdkCall = {
      service: 'SES',
      action: 'setActiveReceiptRuleSet',
      parameters: { RuleSetName: RECEIPT_RULE_SET_NAME },
      physicalResourceId: cr.PhysicalResourceId.of(`active-receipt-rule-set-${RECEIPT_RULE_SET_NAME}`),
    };
    const activation = new cr.AwsCustomResource(this, 'ActivateReceiptRuleSet', {
      onCreate: activate,
      onUpdate: activate,
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        new iam.PolicyStatement({ actions: ['ses:SetActiveReceiptRuleSet'], resources: ['*'] }),
      ]),
      installLatestAwsSdk: false,
    });
    activation.node.addDependency(this.ruleSet);
    // The SDK-call provider is one shared function per stack, created by aws-cdk-lib.
    const provider = this.node.children.find((child) => child.node.id.startsWith(AWS_CUSTOM_RESOURCE_PROVIDER_ID));
    if (provider) {
      Validations.of(provider).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'The aws-cdk-lib custom-resource provider function, which runs only during deploys, uses the AWS managed basic execution role.',
      });
    }
    Validations.of(activation).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'ses:SetActiveReceiptRuleSet supports no resource-level permissions, so the activation call needs Resource "*".',
    });
  }
}
