/** Reference bundle: the SDK as the inbound function uses it (sdk-only plus S3 and the GetObject that reads the raw mail). */
export * from './sdk-only.js';
export { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
