import { isMap, parseDocument, stringify } from 'yaml';

/** One problem found in YAML text, located for the operator (1-based line and column). */
export interface YamlProblem {
  message: string;
  line: number;
  column: number;
  /** Character offsets of the problem in the text (for the editor's underline). */
  from: number;
  to: number;
}

export type YamlCheck = { ok: true; value: unknown } | { ok: false; problems: YamlProblem[] };

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The first sentence of a `yaml` error message, without the code excerpt it appends. */
function shortMessage(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Parses YAML text with the `yaml` library (YAML 1.2), reporting every error with its place. */
export function checkYaml(text: string): YamlCheck {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const [from, to] = error.pos;
        return { message: shortMessage(error.message), ...lineAndColumn(text, from), from, to: Math.max(to, from) };
      }),
    };
  }
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
}

export type YamlMappingCheck = { ok: true; value: Record<string, unknown> } | { ok: false; problems: YamlProblem[]; notMapping?: boolean };

/**
 * Helm values: YAML whose top level is a mapping (or nothing at all, meaning `{}`). A list or a
 * scalar at the top is refused, as Helm refuses it.
 */
export function checkYamlMapping(text: string): YamlMappingCheck {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const checked = checkYaml(text);
  if (!checked.ok) return checked;
  if (doc.contents === null || checked.value === null || checked.value === undefined) return { ok: true, value: {} };
  if (!isMap(doc.contents)) {
    return {
      ok: false,
      notMapping: true,
      problems: [{ message: 'The top level must be a mapping of keys to values', line: 1, column: 1, from: 0, to: Math.min(text.length, 1) }],
    };
  }
  return { ok: true, value: checked.value as Record<string, unknown> };
}

/** YAML text of a value (for showing JSON values from the API as YAML); `''` for an empty mapping. */
export function toYamlText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return '';
  return stringify(value, { indent: 2, lineWidth: 0 });
}
