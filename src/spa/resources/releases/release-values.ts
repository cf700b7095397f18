import { parseValuesField } from '../../../contract/charts.ts';
import { hasMaskedValues, upgradedReleaseValues, type Release } from '../../../contract/releases.ts';
import { checkYamlMapping, toYamlText } from '../../shared/ui/yaml-editor/yaml-text.ts';

/** A values field shown as YAML: the object as YAML text, or the raw text when it is not an object. */
export function valuesAsYaml(values: unknown): { text: string; raw: boolean } {
  const parsed = parseValuesField(values);
  if (parsed.kind === 'object') return { text: toYamlText(parsed.value), raw: false };
  if (parsed.kind === 'raw') return { text: parsed.raw, raw: true };
  return { text: '', raw: false };
}

/** The values of a release (a revision) as an object, `{}` when they are not one. */
export function releaseValuesObject(release: Pick<Release, 'values'>): Record<string, unknown> {
  const parsed = parseValuesField(release.values);
  return parsed.kind === 'object' ? parsed.value : {};
}

/**
 * The three columns of an upgrade: the chart's defaults, the values deployed now, and the values the
 * release will have after the upgrade (the new text merged over the deployed values, or alone when
 * they are reset) — the same rule the service applies (`upgradedReleaseValues`).
 */
export function upgradePreview(
  deployed: Record<string, unknown>,
  newText: string,
  resetValues: boolean,
): { ok: true; sent: Record<string, unknown>; result: Record<string, unknown>; resultText: string } | { ok: false } {
  const checked = checkYamlMapping(newText);
  if (!checked.ok) return { ok: false };
  const result = upgradedReleaseValues(deployed, checked.value, resetValues);
  return { ok: true, sent: checked.value, result, resultText: toYamlText(result) };
}

/**
 * Values without the secrets the service masked (`******`): sent back unchanged they would overwrite
 * the real secret with the mask (digest §4.3). Merged over the deployed values, a dropped key keeps
 * the stored secret.
 */
export function withoutMaskedValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string' && hasMaskedValues(value)) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const inner = withoutMaskedValues(value as Record<string, unknown>);
      if (Object.keys(inner).length > 0 || Object.keys(value).length === 0) out[key] = inner;
      continue;
    }
    out[key] = value;
  }
  return out;
}
