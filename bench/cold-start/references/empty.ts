/** Reference bundle: nothing (the cost of starting Node and importing one file). */
export const handler = async (): Promise<null> => null;
