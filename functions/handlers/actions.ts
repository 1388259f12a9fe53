/** Placeholder so the CDK app can be built while the actions handler is written; replaced by the real one. */
export async function handler(): Promise<never> {
  throw new Error('actions handler not implemented yet');
}
