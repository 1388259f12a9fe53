/**
 * Reference bundle: the AWS SDK as dispatch and actions use it — the clients (DynamoDB +
 * document client, SES, SSM for the signing keys) and the commands they send. Only the SDK:
 * what a function that made the same calls and did nothing else would import.
 */
export { DynamoDBClient } from '@aws-sdk/client-dynamodb';
export { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
export { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
export { SSMClient, GetParameterCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
