/** Placeholder so the CDK app can be built while the inbound handler is written; replaced by the real one. */
export async function handler(): Promise<never> {
  throw new Error('inbound handler not implemented yet');
}
