// Placeholder until the charts operations are defined; replaced by the contract work in progress.
export const chartOperations = {} as const;
