/**
 * The stateless stack: the functions and their wiring (receipt rule, schedule, Function URL,
 * failure destination, alarms) and least-privilege IAM. Bundling is skipped here (the
 * template does not change apart from asset hashes); the full-synth test bundles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_DESIGN } from '../../functions/adapters/table-design.js';
import { CLAIM_LEASE_MINUTES } from '../../functions/core/use-cases/deliver-prompt.js';
import { FUNCTION_NODE_MAJOR } from '../../infra/bundling-options.js';
import { parseConfig } from '../../functions/runtime/config.js';
import { BUNDLED_TEMPLATES_DIR } from '../../infra/constructs/not-today-function.js';
import { RAW_MAIL_PREFIX, RECEIPT_RULE_NAME, RECEIPT_RULE_SET_NAME } from '../../infra/stacks/stateful-stack.js';
import { type BuiltApp, buildTestApp, onlyResource, TEST_ACCOUNT, TEST_REGION } from './support/build-app.js';

type Json = Record<string, unknown>;
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

const DISPATCH_EVERY_MINUTES = 10;
const MILLISECONDS_PER_SECOND = 1000;
const MILLISECONDS_PER_MINUTE = 60_000;
const RECEIPT_RULE_ARN = `arn:aws:ses:${TEST_REGION}:${TEST_ACCOUNT}:receipt-rule-set/${RECEIPT_RULE_SET_NAME}:receipt-rule/${RECEIPT_RULE_NAME}`;
const RAW_MAIL_BUCKET_NAME = `not-today-raw-mail-${TEST_ACCOUNT}-${TEST_REGION}`;
/** The signing-key SecureString of the test deployment (named after the stateful stack). */
const SIGNING_KEY_PARAMETER = '/not-today/NotTodayStateful/signing-keys';

let built: BuiltApp;
let resources: Record<string, { Type: string; Properties: Json; DependsOn?: string[] }>;

/** The logical id of a function, found by its description (which names the handler). */
function functionNamed(handler: 'inbound' | 'dispatch' | 'actions'): { logicalId: string; properties: Json } {
  const descriptions = {
    inbound: /reads a forwarded rejection/,
    dispatch: /sends the prompts/,
    actions: /one-click signed links/,
  };
  const matches = Object.entries(resources).filter(
    ([, resource]) =>
      resource.Type === 'AWS::Lambda::Function' && descriptions[handler].test(String(resource.Properties.Description)),
  );
  expect(matches).toHaveLength(1);
  const [logicalId, resource] = matches[0]!;
  return { logicalId, properties: resource.Properties };
}

/** Every IAM statement attached to a function's role, across its policies. */
function statementsOf(functionLogicalId: string): Statement[] {
  const roleRef = (resources[functionLogicalId]!.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return Object.values(resources)
    .filter((resource) => resource.Type === 'AWS::IAM::Policy')
    .filter((resource) => (resource.Properties.Roles as Json[]).some((role) => role.Ref === roleRef))
    .flatMap((resource) => (resource.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

const actionsOf = (statement: Statement): string[] => [statement.Action].flat();

const ADAPTERS_DIR = resolve(import.meta.dirname, '../../functions/adapters');
/** lib-dynamodb's document commands are named after the item they act on, not the API action. */
const DOCUMENT_COMMAND_ACTIONS: Record<string, string> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  BatchGet: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
  TransactGet: 'TransactGetItems',
  TransactWrite: 'TransactWriteItems',
};
/** The IAM action of an SDK command, e.g. ('dynamodb', 'Get') -> 'dynamodb:GetItem'. */
function iamActionOf(service: string, command: string): string {
  return `${service}:${service === 'dynamodb' ? (DOCUMENT_COMMAND_ACTIONS[command] ?? command) : command}`;
}

beforeAll(() => {
  // Prepare: one synth for the whole file.
  built = buildTestApp({ overrides: { dispatchRateMinutes: DISPATCH_EVERY_MINUTES, signingKeyId: 'k2' }, bundle: false });
  resources = built.statelessTemplate.toJSON().Resources;
});

describe('the receipt rule', () => {
  it('stores raw mail in S3 under inbound/ before it invokes the inbound function asynchronously', () => {
    // Act
    const rule = onlyResource(built.statelessTemplate, 'AWS::SES::ReceiptRule');
    const { Rule: body, RuleSetName } = rule.properties as { Rule: Json & { Actions: Json[] }; RuleSetName: string };

    // Assess
    expect(RuleSetName).toBe(RECEIPT_RULE_SET_NAME);
    expect(body.Name).toBe(RECEIPT_RULE_NAME);
    expect(body.Recipients).toEqual(['jobs@mail.example.org']);
    expect(body.Actions).toEqual([
      { S3Action: { BucketName: RAW_MAIL_BUCKET_NAME, ObjectKeyPrefix: RAW_MAIL_PREFIX } },
      { LambdaAction: { FunctionArn: { 'Fn::GetAtt': [functionNamed('inbound').logicalId, 'Arn'] }, InvocationType: 'Event' } },
    ]);
  });

  it('requires TLS and scans for spam and viruses', () => {
    // Act
    const { Rule: body } = onlyResource(built.statelessTemplate, 'AWS::SES::ReceiptRule').properties as { Rule: Json };

    // Assess
    expect(body.TlsPolicy).toBe('Require');
    expect(body.ScanEnabled).toBe(true);
    expect(body.Enabled).toBe(true);
  });

  it('may invoke the inbound function only as our rule, and only after that permission exists', () => {
    // Act
    const inbound = functionNamed('inbound').logicalId;
    const permissions = Object.entries(resources).filter(
      ([, resource]) => resource.Type === 'AWS::Lambda::Permission' && resource.Properties.Principal === 'ses.amazonaws.com',
    );
    const rule = Object.values(resources).find((resource) => resource.Type === 'AWS::SES::ReceiptRule')!;

    // Assess
    expect(permissions).toHaveLength(1);
    const [permissionId, permission] = permissions[0]!;
    expect(permission.Properties).toEqual({
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [inbound, 'Arn'] },
      Principal: 'ses.amazonaws.com',
      SourceAccount: TEST_ACCOUNT,
      SourceArn: RECEIPT_RULE_ARN,
    });
    expect(rule.DependsOn).toContain(permissionId);
  });
});

describe('the functions', () => {
  const expectedSizes = {
    inbound: { MemorySize: 1769, Timeout: 60 },
    dispatch: { MemorySize: 512, Timeout: 120 },
    actions: { MemorySize: 1769, Timeout: 15 },
  } as const;

  it.each(Object.entries(expectedSizes))('%s runs on Node.js 24, ARM64, traced, with its memory and timeout', (name, size) => {
    // Act
    const fn = functionNamed(name as keyof typeof expectedSizes).properties;

    // Assess
    expect(fn).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
      ...size,
    });
  });

  it('run the Node.js version the bundles are built for', () => {
    // Prepare / Act
    const runtimes = (['inbound', 'dispatch', 'actions'] as const).map((name) => functionNamed(name).properties.Runtime);

    // Assess: esbuild targets node<FUNCTION_NODE_MAJOR> (infra/bundling-options.ts)
    for (const runtime of runtimes) expect(runtime).toBe(`nodejs${FUNCTION_NODE_MAJOR}.x`);
  });

  it.each(['inbound', 'dispatch', 'actions'] as const)('%s times out well before a prompt claim lease expires (at most one duplicate)', (name) => {
    // Act
    const timeoutSeconds = functionNamed(name).properties.Timeout as number;

    // Assess: a function still sending when its claim expires would let a second sender in.
    expect(timeoutSeconds * MILLISECONDS_PER_SECOND).toBeLessThan(CLAIM_LEASE_MINUTES * MILLISECONDS_PER_MINUTE);
  });

  it.each(['inbound', 'dispatch', 'actions'] as const)('%s logs to its own log group kept three months', (name) => {
    // Act
    const fn = functionNamed(name).properties;
    const logGroupId = (fn.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;

    // Assess
    expect(resources[logGroupId]).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 90 } });
  });

  it.each(['inbound', 'dispatch', 'actions'] as const)('%s gets the configuration the runtime validates', (name) => {
    // Act
    const variables = (functionNamed(name).properties.Environment as { Variables: Json }).Variables;

    // Assess
    expect(variables).toMatchObject({
      TABLE_NAME: expect.anything(),
      RAW_MAIL_BUCKET: RAW_MAIL_BUCKET_NAME,
      RAW_MAIL_PREFIX,
      OWNER_ID: 'owner',
      OWNER_ADDRESSES: 'sam@example.org,sam.work@example.net',
      OWNER_NAME: 'Sam Tester',
      FROM_ADDRESS: 'not-today@mail.example.org',
      INBOUND_ADDRESS: 'jobs@mail.example.org',
      TIME_ZONE: 'America/Chicago',
      SEND_HOUR: '8',
      CADENCE: 'feedback=2w;checkins=1mo,3mo,6mo,12mo;then=6mo;quietAfter=2',
      SIGNING_KEY_PARAMETER_NAME: SIGNING_KEY_PARAMETER,
      SIGNING_KEY_ID: 'k2',
      MAX_MAIL_BYTES: String(10 * 1024 * 1024),
      TEMPLATES_DIR: BUNDLED_TEMPLATES_DIR,
      POWERTOOLS_SERVICE_NAME: 'not-today',
      POWERTOOLS_LOG_LEVEL: 'INFO',
    });
    expect(JSON.stringify(variables.TABLE_NAME)).toContain('NotTodayStateful');
  });

  it.each(['inbound', 'dispatch', 'actions'] as const)('%s passes the runtime\'s own config validation once deployed', (name) => {
    // Prepare: CloudFormation fills the references at deploy time; stand in plausible values.
    const deployTimeValues: Record<string, string> = {
      TABLE_NAME: 'NotTodayStateful-TableCD117FA1-1A2B3C4D5E6F',
      ACTIONS_BASE_URL: `https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.${TEST_REGION}.on.aws`,
    };
    const variables = (functionNamed(name).properties.Environment as { Variables: Json }).Variables;
    const environment = Object.fromEntries(
      Object.entries(variables).map(([key, value]) => [key, typeof value === 'string' ? value : deployTimeValues[key]]),
    );
    // The actions function has no ACTIONS_BASE_URL (see the next block): its config must
    // still validate, because it takes the base URL from the requests it serves.

    // Act
    const parse = () => parseConfig(environment);

    // Assess
    expect(Object.values(environment).every((value) => typeof value === 'string')).toBe(true);
    expect(parse).not.toThrow();
    expect(parse()).toMatchObject({ OWNER_ADDRESSES: ['sam@example.org', 'sam.work@example.net'], SEND_HOUR: 8 });
  });

  it.each(['inbound', 'dispatch'] as const)('%s builds links on the actions Function URL (scheme and host, no trailing slash)', (name) => {
    // Act
    const variables = (functionNamed(name).properties.Environment as { Variables: Json }).Variables;
    const url = onlyResource(built.statelessTemplate, 'AWS::Lambda::Url');

    // Assess
    expect(variables.ACTIONS_BASE_URL).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::Select': [2, { 'Fn::Split': ['/', { 'Fn::GetAtt': [url.logicalId, 'FunctionUrl'] }] }] }]],
    });
  });
});

describe('the actions Function URL', () => {
  it('is not in the actions function\'s own environment (that reference would be a CloudFormation cycle)', () => {
    // Act
    const variables = (functionNamed('actions').properties.Environment as { Variables: Json }).Variables;

    // Assess
    expect(variables).not.toHaveProperty('ACTIONS_BASE_URL');
  });

  it('is public without CORS (every request carries a signed token) and targets the actions function', () => {
    // Act
    const url = onlyResource(built.statelessTemplate, 'AWS::Lambda::Url');

    // Assess
    expect(url.properties).toEqual({
      AuthType: 'NONE',
      TargetFunctionArn: { 'Fn::GetAtt': [functionNamed('actions').logicalId, 'Arn'] },
    });
  });
});

describe('asynchronous inbound failures', () => {
  it('retry twice, then land in an encrypted, TLS-only queue', () => {
    // Act
    const config = onlyResource(built.statelessTemplate, 'AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: functionNamed('inbound').logicalId },
    });
    const queue = onlyResource(built.statelessTemplate, 'AWS::SQS::Queue');
    const queuePolicy = onlyResource(built.statelessTemplate, 'AWS::SQS::QueuePolicy');

    // Assess
    expect(config.properties).toMatchObject({
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue.logicalId, 'Arn'] } } },
    });
    expect(queue.properties.SqsManagedSseEnabled).toBe(true);
    expect(JSON.stringify(queuePolicy.properties)).toContain('"aws:SecureTransport":"false"');
    expect(statementsOf(functionNamed('inbound').logicalId)).toContainEqual(
      expect.objectContaining({
        Action: expect.arrayContaining(['sqs:SendMessage']),
        Resource: { 'Fn::GetAtt': [queue.logicalId, 'Arn'] },
      }),
    );
  });
});

describe('the dispatch schedule', () => {
  it('runs the dispatch function at the configured rate', () => {
    // Act
    const rule = onlyResource(built.statelessTemplate, 'AWS::Events::Rule');

    // Assess
    expect(rule.properties.ScheduleExpression).toBe(`rate(${DISPATCH_EVERY_MINUTES} minutes)`);
    expect(rule.properties.State).toBe('ENABLED');
    expect(rule.properties.Targets).toEqual([
      expect.objectContaining({ Arn: { 'Fn::GetAtt': [functionNamed('dispatch').logicalId, 'Arn'] } }),
    ]);
  });
});

describe('the alarms', () => {
  it('watch the failure queue and every function\'s errors and throttles, and notify the owner', () => {
    // Act
    const alarms = Object.values(resources).filter((resource) => resource.Type === 'AWS::CloudWatch::Alarm');
    const topic = onlyResource(built.statelessTemplate, 'AWS::SNS::Topic');
    const subscription = onlyResource(built.statelessTemplate, 'AWS::SNS::Subscription');
    const watched = alarms.map((alarm) => `${alarm.Properties.Namespace}/${alarm.Properties.MetricName}`);

    // Assess
    expect(watched.sort()).toEqual(
      [
        'AWS/Lambda/Errors',
        'AWS/Lambda/Errors',
        'AWS/Lambda/Errors',
        'AWS/Lambda/Throttles',
        'AWS/Lambda/Throttles',
        'AWS/Lambda/Throttles',
        'AWS/SQS/ApproximateNumberOfMessagesVisible',
      ].sort(),
    );
    for (const alarm of alarms) {
      expect(alarm.Properties).toMatchObject({
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [{ Ref: topic.logicalId }],
      });
    }
    const functionIds = (['inbound', 'dispatch', 'actions'] as const).map((name) => functionNamed(name).logicalId);
    const dimensioned = alarms
      .filter((alarm) => alarm.Properties.Namespace === 'AWS/Lambda')
      .map((alarm) => ((alarm.Properties.Dimensions as { Value: { Ref: string } }[])[0]!.Value.Ref));
    expect(new Set(dimensioned)).toEqual(new Set(functionIds));
    expect(subscription.properties).toMatchObject({ Protocol: 'email', Endpoint: 'sam@example.org' });
  });

  it('go to a topic reachable only over TLS, with no customer-managed KMS key (it carries no personal data)', () => {
    // Act
    const topic = onlyResource(built.statelessTemplate, 'AWS::SNS::Topic');
    const topicPolicy = onlyResource(built.statelessTemplate, 'AWS::SNS::TopicPolicy');
    const keys = Object.keys(built.statelessTemplate.findResources('AWS::KMS::Key'));

    // Assess
    expect(topic.properties.KmsMasterKeyId).toBeUndefined();
    expect(keys).toEqual([]);
    expect(JSON.stringify(topicPolicy.properties)).toContain('"aws:SecureTransport":"false"');
  });
});

describe('least privilege', () => {
  const tableArn = (): unknown => {
    const inbound = statementsOf(functionNamed('inbound').logicalId);
    return (inbound.find((statement) => actionsOf(statement).includes('dynamodb:GetItem'))!.Resource as unknown[])[0];
  };

  it.each(['inbound', 'dispatch', 'actions'] as const)('%s may use the table and its due index, never scan it', (name) => {
    // Act
    const statements = statementsOf(functionNamed(name).logicalId).filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('dynamodb:')),
    );

    // Assess
    expect(statements).toHaveLength(1);
    expect(actionsOf(statements[0]!)).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem']),
    );
    expect(actionsOf(statements[0]!)).not.toContain('dynamodb:Scan');
    expect(JSON.stringify(tableArn())).toContain('NotTodayStateful');
    expect(statements[0]!.Resource).toEqual([tableArn(), { 'Fn::Join': ['', [tableArn(), `/index/${TABLE_DESIGN.dueIndex.name}`]] }]);
  });

  it.each(['inbound', 'dispatch', 'actions'] as const)('%s may send raw mail only as our identities and read or create only the signing-key parameter', (name) => {
    // Act
    const statements = statementsOf(functionNamed(name).logicalId);
    const send = statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('ses:')));
    const parameter = statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('ssm:')));
    const allActions = statements.flatMap(actionsOf);

    // Assess
    expect(send).toEqual([
      expect.objectContaining({
        Action: 'ses:SendRawEmail',
        Resource: [
          `arn:aws:ses:${TEST_REGION}:${TEST_ACCOUNT}:identity/mail.example.org`,
          `arn:aws:ses:${TEST_REGION}:${TEST_ACCOUNT}:identity/sam@example.org`,
          `arn:aws:ses:${TEST_REGION}:${TEST_ACCOUNT}:identity/sam.work@example.net`,
        ].sort(),
      }),
    ]);
    expect(parameter).toHaveLength(1);
    expect(actionsOf(parameter[0]!).sort()).toEqual(['ssm:GetParameter', 'ssm:PutParameter']);
    expect(parameter[0]!.Resource).toBe(`arn:aws:ssm:${TEST_REGION}:${TEST_ACCOUNT}:parameter${SIGNING_KEY_PARAMETER}`);
    // The AWS-managed aws/ssm key's own policy covers decrypt and encrypt through SSM.
    expect(allActions.filter((action) => action.startsWith('kms:') || action.startsWith('secretsmanager:'))).toEqual([]);
  });

  it('grants every AWS call the adapters make (so least privilege cannot break a deploy)', () => {
    // Prepare: the SDK commands each adapter file sends, as IAM actions.
    const calls = readdirSync(ADAPTERS_DIR)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => {
        const source = readFileSync(join(ADAPTERS_DIR, file), 'utf8');
        return [...source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/(client|lib)-([a-z0-9-]+)'/g)].flatMap((match) =>
          match[1]!
            .split(',')
            .map((name) => name.replace(/^\s*type\s+/, '').trim())
            .filter((name) => name.endsWith('Command'))
            .map((name) => iamActionOf(match[3]!, name.slice(0, -'Command'.length))),
        );
      });
    const needs: Record<string, readonly ('inbound' | 'dispatch' | 'actions')[]> = {
      dynamodb: ['inbound', 'dispatch', 'actions'],
      ses: ['inbound', 'dispatch', 'actions'],
      ssm: ['inbound', 'dispatch', 'actions'],
      s3: ['inbound'],
    };

    // Act
    const granted = Object.fromEntries(
      (['inbound', 'dispatch', 'actions'] as const).map((name) => [name, statementsOf(functionNamed(name).logicalId).flatMap(actionsOf)]),
    );

    // Assess
    expect(calls).toEqual(expect.arrayContaining(['dynamodb:Query', 'ses:SendRawEmail', 's3:GetObject', 'ssm:GetParameter', 'ssm:PutParameter']));
    for (const action of calls) {
      const service = action.split(':')[0]!;
      expect(needs[service], `no function is meant to call ${service}`).toBeDefined();
      for (const name of needs[service]!) expect(granted[name], `${name} needs ${action}`).toContain(action);
    }
  });

  it('lets only the inbound function read raw mail, and only under inbound/', () => {
    // Act
    const readers = (['inbound', 'dispatch', 'actions'] as const).map((name) =>
      statementsOf(functionNamed(name).logicalId).filter((statement) => actionsOf(statement).some((action) => action.startsWith('s3:'))),
    );

    // Assess
    expect(readers[0]).toEqual([
      expect.objectContaining({ Action: 's3:GetObject', Resource: `arn:aws:s3:::${RAW_MAIL_BUCKET_NAME}/${RAW_MAIL_PREFIX}*` }),
    ]);
    expect(readers[1]).toEqual([]);
    expect(readers[2]).toEqual([]);
  });

  it.each(['inbound', 'dispatch', 'actions'] as const)('%s has "*" only where X-Ray demands it, and no managed policies', (name) => {
    // Act
    const fn = functionNamed(name);
    const wildcard = statementsOf(fn.logicalId).filter((statement) => [statement.Resource].flat().includes('*'));
    const roleId = (fn.properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];

    // Assess
    expect(wildcard.map(actionsOf)).toEqual([['xray:PutTelemetryRecords', 'xray:PutTraceSegments']]);
    expect(resources[roleId]!.Properties).not.toHaveProperty('ManagedPolicyArns');
  });
});
