/** Reference bundle: the SDK clients the inbound function uses (sdk-only plus S3, which reads the raw mail). */
export * from './sdk-only.js';
export { S3Client } from '@aws-sdk/client-s3';
