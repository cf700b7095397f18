import { activeLanguage, createTranslator, defineMessages, type Language, type Translator } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/message-keys.ts';

/**
 * The validation messages operators meet on forms, in English exactly as the contract's schemas (and so
 * the BFF's own validation) and the forms write them, `{name}` standing for what varies. The contract
 * is shared with the BFF and the simulator, which answer in English; the console shows these in the
 * operator's language by matching the English text (`localizeValidationMessage`). A message without an
 * entry here stays as written. `validation-messages.test.ts` feeds bad values through the schemas so
 * that a new or reworded contract message without an entry fails there.
 */
export const validationMessages = {
  // What a name rule is about (the `{what}` of the rules below).
  'validation.what.clusterName': 'Cluster name',
  'validation.what.clusterAlias': 'Cluster alias',
  'validation.name.required': '{what} is required',
  'validation.name.length': '{what} must be {min} to {max} characters',
  'validation.name.start': '{what} must start with a lowercase letter',
  'validation.name.characters': '{what} may contain only lowercase letters, digits and hyphens (-)',
  'validation.name.end': '{what} must not end with a hyphen (-)',
  'validation.description.length': 'Description must be at most {max} characters',
  'validation.description.characters': `Description must not contain any of ~ $ % ^ & * < > [ ] { } ( ) ' " # \\`,
  'validation.san.format': 'Each SAN must be an IP address or a domain name',
  'validation.san.duplicate': 'SANs must not contain duplicates',
  'validation.cidr': 'Must be an IPv4 CIDR block such as 10.247.0.0/16',
  'validation.vpc.required': 'Enter the VPC ID.',
  'validation.subnet.required': 'Enter the subnet ID.',
  'validation.tagKey.required': 'Tag key is required',
  'validation.tagKey.empty': 'Tag key must not be empty',
  'validation.tagKey.length': 'Tag key must be at most {max} characters',
  'validation.tagKey.characters': 'Tag key may contain only letters, digits, spaces and _ . : / = + - @',
  'validation.tagKey.spaces': 'Tag key must not start or end with a space',
  'validation.tagKey.reserved': 'Tag key must not start with {prefix}',
  'validation.tagValue.length': 'Tag value must be at most {max} characters',
  'validation.tagValue.characters': 'Tag value may contain only letters, digits, spaces and _ . : / = + - @',
  'validation.tags.limit': 'A cluster supports at most {max} resource tags',
  'validation.tags.duplicate': 'Each tag key may appear only once',
  'validation.tags.none': 'Give at least one tag',
  'validation.line': 'Line {line}: {message}',
  'validation.release.required': 'Release name is required',
  'validation.release.length': 'Release name must be at most {max} characters',
  'validation.release.characters': 'Release name may contain only lowercase letters, digits, hyphens (-) and dots (.)',
  'validation.release.start': 'Release name must start with a lowercase letter or a digit',
  'validation.release.end': 'Release name must end with a lowercase letter or a digit',
  'validation.release.parts': 'Each dot-separated part of the release name must start and end with a lowercase letter or a digit',
  'validation.namespace.required': 'Namespace is required',
  'validation.namespace.length': 'Namespace must be at most {max} characters',
  'validation.namespace.characters': 'Namespace may contain only lowercase letters, digits and hyphens (-)',
  'validation.namespace.start': 'Namespace must start with a lowercase letter or a digit',
  'validation.namespace.end': 'Namespace must end with a lowercase letter or a digit',
  'validation.username.length': 'Username must be 3–64 characters.',
  'validation.username.characters': 'Username: lowercase letters, digits, dots, hyphens and underscores, starting with a letter.',
  'validation.password.short': 'Password must be at least 12 characters.',
  'validation.password.long': 'Password must be at most 256 characters.',
  'validation.signIn.username': 'Enter your username.',
  'validation.signIn.password': 'Enter your password.',
};
defineMessages(validationMessages, { 'zh-CN': async () => (await import('./validation-messages-zh-cn.ts')).zhCN });

declare module '../i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof validationMessages, string> {}
}

type ValidationKey = keyof typeof validationMessages;

/** The `{what}` values a name rule may be about, by their English text. */
const WHAT = new Map<string, ValidationKey>(
  (Object.keys(validationMessages) as ValidationKey[]).filter((key) => key.startsWith('validation.what.')).map((key) => [validationMessages[key], key]),
);

/** Each message's English as a pattern, the fixed ones first so that a `{what}` rule never takes them. */
const PATTERNS: { key: ValidationKey; pattern: RegExp }[] = (Object.keys(validationMessages) as ValidationKey[])
  .filter((key) => !key.startsWith('validation.what.'))
  .map((key) => {
    const source = validationMessages[key]
      .split(/(\{\w+\})/)
      .map((part) => (/^\{\w+\}$/.test(part) ? `(?<${part.slice(1, -1)}>.+?)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    return { key, pattern: new RegExp(`^${source}$`, 's') };
  })
  .sort((a, b) => Number(a.pattern.source.includes('(?<')) - Number(b.pattern.source.includes('(?<')));

let translator: Translator | undefined;
/** One translator per language shown (a form validates on every keystroke). */
function translatorFor(language: Language): Translator {
  if (translator?.language !== language) translator = createTranslator(language);
  return translator;
}

/**
 * A validation message in the console's language: the contract's English matched against the table
 * above, its varying parts kept (a line's own message localized in turn). English, or a message the
 * table does not know, is returned as it is.
 */
export function localizeValidationMessage(message: string): string {
  const language = activeLanguage();
  if (language === 'en') return message;
  const { t } = translatorFor(language);
  for (const { key, pattern } of PATTERNS) {
    const match = pattern.exec(message);
    if (!match) continue;
    const params: Record<string, string> = { ...match.groups };
    if (params.what !== undefined) {
      const what = WHAT.get(params.what);
      if (!what) continue;
      params.what = t(what as MessageKey);
    }
    if (params.message !== undefined) params.message = localizeValidationMessage(params.message);
    return t(key as MessageKey, params);
  }
  return message;
}
