/** Reference bundle: the AWS SDK clients dispatch and actions use (DynamoDB + document client, SES, SSM for the signing keys). */
export { DynamoDBClient } from '@aws-sdk/client-dynamodb';
export { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
export { SESClient } from '@aws-sdk/client-ses';
export { SSMClient } from '@aws-sdk/client-ssm';
