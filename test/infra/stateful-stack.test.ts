/**
 * The stateful stack: table, raw-mail bucket, SES receiving and sending, the signing-key parameter's name.
 * Fine-grained assertions on what matters for safety and for the functions' contracts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTableRequest, TABLE_DESIGN } from '../../functions/adapters/table-design.js';
import { RAW_MAIL_PREFIX, RECEIPT_RULE_NAME, RECEIPT_RULE_SET_NAME } from '../../infra/stacks/stateful-stack.js';
import type { Template } from 'aws-cdk-lib/assertions';
import { buildStatefulStack, onlyResource, TEST_ACCOUNT, TEST_REGION } from './support/build-app.js';

const DAYS_OF_RAW_MAIL = 180;
/** Fixed per account and region, so the stateless stack names it without a cross-stack reference. */
const RAW_MAIL_BUCKET_NAME = `not-today-raw-mail-${TEST_ACCOUNT}-${TEST_REGION}`;
/** The stack on its own: it holds no functions, so there is nothing to bundle. */
let built: { statefulTemplate: Template };

beforeAll(() => {
  // Prepare: synthesize once for the whole file.
  built = { statefulTemplate: buildStatefulStack({ rawMailRetentionDays: DAYS_OF_RAW_MAIL }) };
});

describe('the table', () => {
  it('uses the shared key design, on-demand billing, PITR and deletion protection, and is retained', () => {
    // Act
    const table = onlyResource(built.statefulTemplate, 'AWS::DynamoDB::Table');
    const resources = built.statefulTemplate.findResources('AWS::DynamoDB::Table');

    // Assess
    expect(table.properties.KeySchema).toEqual([
      { AttributeName: TABLE_DESIGN.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_DESIGN.sortKey, KeyType: 'RANGE' },
    ]);
    expect(table.properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.properties.DeletionProtectionEnabled).toBe(true);
    expect(resources[table.logicalId]).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(table.properties).not.toHaveProperty('TimeToLiveSpecification');
  });

  it('has the sparse due index with keys only, exactly as the local stack creates it', () => {
    // Act
    const table = onlyResource(built.statefulTemplate, 'AWS::DynamoDB::Table');

    // Assess
    expect(table.properties.GlobalSecondaryIndexes).toEqual(createTableRequest('any').GlobalSecondaryIndexes);
    expect(table.properties.GlobalSecondaryIndexes).toEqual([
      {
        IndexName: TABLE_DESIGN.dueIndex.name,
        KeySchema: [
          { AttributeName: TABLE_DESIGN.dueIndex.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_DESIGN.dueIndex.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ]);
    expect(table.properties.AttributeDefinitions).toEqual(
      expect.arrayContaining(
        [TABLE_DESIGN.partitionKey, TABLE_DESIGN.sortKey, TABLE_DESIGN.dueIndex.partitionKey, TABLE_DESIGN.dueIndex.sortKey].map(
          (name) => ({ AttributeName: name, AttributeType: 'S' }),
        ),
      ),
    );
  });
});

describe('the raw-mail bucket', () => {
  const rawMailBucket = () =>
    onlyResource(built.statefulTemplate, 'AWS::S3::Bucket', { BucketName: RAW_MAIL_BUCKET_NAME });

  it('is encrypted, versioned, fully blocked from the public, logged and retained', () => {
    // Act
    const bucket = rawMailBucket();
    const resources = built.statefulTemplate.findResources('AWS::S3::Bucket');

    // Assess
    expect(bucket.properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(bucket.properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.properties.LoggingConfiguration).toMatchObject({ DestinationBucketName: { Ref: expect.any(String) } });
    expect(resources[bucket.logicalId]).toMatchObject({ DeletionPolicy: 'Retain' });
  });

  it('expires raw mail after the configured number of days', () => {
    // Act
    const bucket = rawMailBucket();

    // Assess
    expect(bucket.properties.LifecycleConfiguration).toEqual({
      Rules: [
        expect.objectContaining({
          Prefix: RAW_MAIL_PREFIX,
          Status: 'Enabled',
          ExpirationInDays: DAYS_OF_RAW_MAIL,
          Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }],
          NoncurrentVersionExpiration: { NoncurrentDays: 30 },
        }),
      ],
    });
  });

  it('denies every request without TLS and lets only our SES receipt rule put objects under inbound/', () => {
    // Act
    const policy = onlyResource(built.statefulTemplate, 'AWS::S3::BucketPolicy', {
      Bucket: { Ref: rawMailBucket().logicalId },
    });
    const statements = (policy.properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement;

    // Assess
    expect(statements).toHaveLength(2);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 's3:*',
        Principal: { AWS: '*' },
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    const sesStatement = statements.find((statement) => statement.Sid === 'AllowSesPutInboundMail');
    expect(sesStatement).toMatchObject({
      Effect: 'Allow',
      Action: 's3:PutObject',
      Principal: { Service: 'ses.amazonaws.com' },
      Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [rawMailBucket().logicalId, 'Arn'] }, `/${RAW_MAIL_PREFIX}*`]] },
      Condition: {
        StringEquals: {
          'aws:SourceAccount': TEST_ACCOUNT,
          'aws:SourceArn': `arn:aws:ses:${TEST_REGION}:${TEST_ACCOUNT}:receipt-rule-set/${RECEIPT_RULE_SET_NAME}:receipt-rule/${RECEIPT_RULE_NAME}`,
        },
      },
    });
  });

  it('sends its access logs to a TLS-only, private log bucket', () => {
    // Act
    const logBucketId = (rawMailBucket().properties.LoggingConfiguration as { DestinationBucketName: { Ref: string } })
      .DestinationBucketName.Ref;
    const logBucket = built.statefulTemplate.toJSON().Resources[logBucketId];
    const logPolicy = onlyResource(built.statefulTemplate, 'AWS::S3::BucketPolicy', { Bucket: { Ref: logBucketId } });

    // Assess
    expect(logBucket.Properties.PublicAccessBlockConfiguration).toMatchObject({ BlockPublicPolicy: true, RestrictPublicBuckets: true });
    expect(JSON.stringify(logPolicy.properties)).toContain('aws:SecureTransport');
    expect(JSON.stringify(logPolicy.properties)).toContain('logging.s3.amazonaws.com');
  });
});

describe('SES', () => {
  it('has the named receipt rule set, retained, and activates it with an SDK call after creating it', () => {
    // Act
    const ruleSet = onlyResource(built.statefulTemplate, 'AWS::SES::ReceiptRuleSet');
    const activation = onlyResource(built.statefulTemplate, 'Custom::AWS');
    const activationResource = built.statefulTemplate.toJSON().Resources[activation.logicalId];

    // Assess
    expect(ruleSet.properties).toEqual({ RuleSetName: RECEIPT_RULE_SET_NAME });
    expect(built.statefulTemplate.toJSON().Resources[ruleSet.logicalId].DeletionPolicy).toBe('Retain');
    for (const phase of ['Create', 'Update']) {
      expect(JSON.parse(String(activation.properties[phase]))).toMatchObject({
        service: 'SES',
        action: 'setActiveReceiptRuleSet',
        parameters: { RuleSetName: RECEIPT_RULE_SET_NAME },
      });
    }
    expect(activation.properties).not.toHaveProperty('Delete');
    expect(activationResource.DependsOn).toContain(ruleSet.logicalId);
  });

  it('leaves the rule set inactive when activation is turned off', () => {
    // Act
    const inactive = buildStatefulStack({ activateReceiptRuleSet: false, verifyOwnerAddresses: false });

    // Assess
    inactive.resourceCountIs('Custom::AWS', 0);
    inactive.resourceCountIs('AWS::SES::ReceiptRuleSet', 1);
    inactive.resourceCountIs('AWS::SES::EmailIdentity', 1);
  });

  it('verifies the sending domain with Easy DKIM and each owner address for the sandbox', () => {
    // Act
    const identities = Object.values(built.statefulTemplate.findResources('AWS::SES::EmailIdentity')).map(
      (resource) => resource.Properties,
    );

    // Assess
    expect(identities).toHaveLength(3);
    expect(identities).toContainEqual(
      expect.objectContaining({ EmailIdentity: 'mail.example.org', DkimAttributes: { SigningEnabled: true } }),
    );
    expect(identities.map((identity) => identity.EmailIdentity)).toEqual(
      expect.arrayContaining(['sam@example.org', 'sam.work@example.net']),
    );
  });

  it('outputs the MX record and three DKIM CNAMEs to add to DNS', () => {
    // Act
    const outputs = built.statefulTemplate.toJSON().Outputs as Record<string, { Value: unknown }>;

    // Assess
    expect(outputs.InboundMxRecord?.Value).toBe(`mail.example.org MX 10 inbound-smtp.${TEST_REGION}.amazonaws.com`);
    expect(Object.keys(outputs).filter((key) => key.startsWith('DkimRecord'))).toEqual(['DkimRecord1', 'DkimRecord2', 'DkimRecord3']);
    expect(outputs.InboundAddress?.Value).toBe('jobs@mail.example.org');
  });
});

describe('the signing keys', () => {
  it('are no template resource (no secret, no parameter, no key text): the functions create the SecureString at run time', () => {
    // Act
    const template = built.statefulTemplate.toJSON() as { Resources: Record<string, { Type: string }> };
    const types = Object.values(template.Resources).map((resource) => resource.Type);

    // Assess
    expect(types).not.toContain('AWS::SecretsManager::Secret');
    expect(types).not.toContain('AWS::SSM::Parameter');
    expect(types).not.toContain('AWS::KMS::Key');
    expect(JSON.stringify(template)).not.toMatch(/"k1"\s*:/);
  });

  it('outputs the per-deployment parameter name the owner rotates keys in', () => {
    // Act
    const outputs = built.statefulTemplate.toJSON().Outputs as Record<string, { Value: unknown }>;

    // Assess
    expect(outputs.SigningKeyParameterName?.Value).toBe('/not-today/NotTodayStateful/signing-keys');
    expect(outputs).not.toHaveProperty('SigningKeySecretArn');
  });
});
