// Placeholder until the upgrades operations are defined; replaced by the contract work in progress.
export const upgradeOperations = {} as const;
