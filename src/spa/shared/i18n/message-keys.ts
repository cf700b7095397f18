/**
 * Every message key of the console. Each message module adds its own keys to this interface (module
 * augmentation, next to its English text), so `t('clusters.title')` is checked at compile time while
 * no shared file lists the keys of a feature.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by augmentation in each message module
export interface ConsoleMessages {}

export type MessageKey = keyof ConsoleMessages & string;
