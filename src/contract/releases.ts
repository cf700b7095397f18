// Placeholder until the releases operations are defined; replaced by the contract work in progress.
export const releaseOperations = {} as const;
