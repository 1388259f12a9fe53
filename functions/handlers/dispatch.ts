/** Placeholder so the CDK app can be built while the dispatch handler is written; replaced by the real one. */
export async function handler(): Promise<never> {
  throw new Error('dispatch handler not implemented yet');
}
