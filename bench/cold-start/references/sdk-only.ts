/** Reference bundle: the AWS SDK clients dispatch and actions use (DynamoDB + document client, SES, Secrets Manager). */
export { DynamoDBClient } from '@aws-sdk/client-dynamodb';
export { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
export { SESClient } from '@aws-sdk/client-ses';
export { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
