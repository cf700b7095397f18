// Placeholder until the clusters operations are defined; replaced by the contract work in progress.
export const clusterOperations = {} as const;
