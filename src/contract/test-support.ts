// Helpers for the contract's own tests (Node only; excluded from the SPA build and the zod-only rule).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';

const examples = join(dirname(fileURLToPath(import.meta.url)), 'examples');

/** A fixture from `examples/` (the API reference's repaired examples). */
export const example = (file: string): unknown => JSON.parse(readFileSync(join(examples, file), 'utf8'));

/** The messages of a failed parse (empty when the input was accepted). */
export function messages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

export const REMOVE = Symbol('remove');

/** A copy of `base` with the value at a dotted path replaced (or removed with `REMOVE`). */
export function withPath(base: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop()!;
  let node = copy;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}
