// Placeholder until the addons operations are defined; replaced by the contract work in progress.
export const addonOperations = {} as const;
