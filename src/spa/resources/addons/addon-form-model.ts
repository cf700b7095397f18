/**
 * A values form from a template version's `input` and `translate` (digest §3.10): the flavor choice
 * and one field per `custom` parameter, labelled and described in the operator's language. The
 * reference gives no per-field schema, so a field's kind comes from its default value; nested objects
 * and lists of objects are edited in the YAML editor only.
 */
import { addonAutopilotFlavors, addonFlavorValue, defaultAddonCustom, defaultAddonFlavor, type AddonVersion } from '../../../contract/addons.ts';
import type { Language } from '../../shared/i18n/i18n.ts';

export type AddonFieldKind = 'boolean' | 'number' | 'string' | 'string-list' | 'structured';

export interface AddonField {
  /** Key under `values.custom`. */
  key: string;
  kind: AddonFieldKind;
  /** The template's default. */
  defaultValue: unknown;
  /** Translated label; the key itself when the template translates none. */
  label: string;
  /** Translated help text, if any. */
  description?: string;
  /** Whether the template names the field (`translate.<locale>.key`): named ones are the template's own choice of what to show. */
  named: boolean;
}

export interface AddonFlavorOption {
  key: string;
  /** Translated name, else the flavor's own `name`, else its key. */
  label: string;
  description?: string;
  isDefault: boolean;
  replicas?: number;
  resources: { name: string; cpu?: string; memory?: string }[];
  /** The flavor as `values.flavor`. */
  value: Record<string, unknown>;
}

export interface AddonFormModel {
  flavors: AddonFlavorOption[];
  defaultFlavorKey?: string;
  fields: AddonField[];
  /** Translated description and change log of the version (`translate.<locale>.addon`). */
  description?: string;
  changeLog?: string;
}

const LOCALE_KEYS: Record<Language, readonly string[]> = { en: ['en_US'], 'zh-CN': ['zh_CN', 'en_US'] };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string from `translate.<locale>.<section>[key]`, trying the language's locales in order (numbers allowed, digest Q16). */
export function translated(version: AddonVersion, language: Language, section: 'addon' | 'description' | 'key', key: string): string | undefined {
  const translate = isObject(version.translate) ? version.translate : {};
  for (const locale of LOCALE_KEYS[language]) {
    const entries = isObject(translate[locale]) ? (translate[locale] as Json)[section] : undefined;
    const value = isObject(entries) ? entries[key] : undefined;
    if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') return String(value);
  }
  return undefined;
}

function kindOf(value: unknown): AddonFieldKind {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return 'string-list';
  return 'structured';
}

const quantity = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

export function addonFormModel(version: AddonVersion, language: Language): AddonFormModel {
  const flavors = addonAutopilotFlavors(version).map(({ key, flavor }): AddonFlavorOption => {
    const resources = Array.isArray(flavor.resources) ? flavor.resources.filter(isObject) : [];
    return {
      key,
      label: translated(version, language, 'description', `Parameters.${key}.name`) ?? (flavor.name !== undefined ? String(flavor.name) : key),
      description:
        translated(version, language, 'description', `Parameters.${key}.description`) ??
        (typeof flavor.description === 'string' ? flavor.description : undefined),
      isDefault: flavor.is_default === true,
      replicas: typeof flavor.replicas === 'number' ? flavor.replicas : undefined,
      resources: resources.map((r) => ({ name: String(r.name ?? ''), cpu: quantity(r.limitsCpu), memory: quantity(r.limitsMem) })),
      value: addonFlavorValue({ key, flavor }),
    };
  });
  const custom = defaultAddonCustom(version);
  const fields = Object.keys(custom)
    .map((key): AddonField => {
      const label = translated(version, language, 'key', `Parameters.custom.${key}`);
      return {
        key,
        kind: kindOf(custom[key]),
        defaultValue: custom[key],
        label: label ?? key,
        description: translated(version, language, 'description', `Parameters.custom.${key}`),
        named: label !== undefined,
      };
    })
    // Named fields first, in the template's order; then the rest by key.
    .sort((a, b) => Number(b.named) - Number(a.named) || (a.named ? 0 : a.key.localeCompare(b.key)));
  return {
    flavors,
    defaultFlavorKey: defaultAddonFlavor(version)?.key,
    fields,
    description: translated(version, language, 'addon', 'description'),
    changeLog: translated(version, language, 'addon', 'changeLog'),
  };
}

/** Which flavor option `values.flavor` is: by key or by the flavor's own name (digest A16). */
export function flavorKeyOf(model: AddonFormModel, flavor: unknown): string | undefined {
  if (!isObject(flavor) || flavor.name === undefined) return undefined;
  const name = String(flavor.name);
  return model.flavors.find((f) => f.key === name || String(f.value.name) === name)?.key;
}
