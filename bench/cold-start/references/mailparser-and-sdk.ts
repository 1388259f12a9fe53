/** Reference bundle for inbound: mailparser plus the SDK clients inbound uses (S3 included). */
export * from './mailparser-only.js';
export * from './sdk-with-s3.js';
