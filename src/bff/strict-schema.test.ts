import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { operationById, operationList } from '../contract/operations.ts';
import { strictRequestSchema } from './strict-schema.ts';

/** Every object schema reachable from `schema` (through wrappers, arrays, unions, pipes). */
function objectsIn(schema: z.ZodType, seen = new Set<z.ZodType>()): z.ZodObject[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown>;
  const children = [
    def.innerType,
    def.element,
    def.left,
    def.right,
    def.in,
    def.out,
    ...((def.options as unknown[]) ?? []),
    ...((def.items as unknown[]) ?? []),
  ];
  const own = schema instanceof z.ZodObject ? [schema] : [];
  const nested = schema instanceof z.ZodObject ? Object.values(schema.shape as Record<string, z.ZodType>) : [];
  return [...own, ...[...children, ...nested].filter((c): c is z.ZodType => c instanceof z.ZodType).flatMap((c) => objectsIn(c, seen))];
}

const EXAMPLES = join(import.meta.dirname, '../contract/examples');

describe('strictRequestSchema', () => {
  it('makes every object of every JSON request body strict, at every level (open extension objects the contract declares loose stay loose)', () => {
    for (const op of operationList) {
      if (op.body?.kind !== 'json') continue;
      const objects = objectsIn(strictRequestSchema(op.body.schema));
      expect(objects.length, op.id).toBeGreaterThan(0);
      // No object keeps zod's default (strip unknown keys silently): strict, or a catch-all the contract declared.
      for (const object of objects) expect(object._zod.def.catchall, op.id).toBeDefined();
      expect(
        objects.some((o) => o._zod.def.catchall?._zod.def.type === 'never'),
        op.id,
      ).toBe(true);
    }
  });

  it('still accepts every documented request example, and refuses a case-variant key inside one', () => {
    for (const file of readdirSync(EXAMPLES).filter((f) => /\.request(\.\d+)?\.json$/.test(f))) {
      const op = operationById(file.split('.')[0]!);
      if (op?.body?.kind !== 'json') continue;
      const example = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as Record<string, unknown>;
      const strict = strictRequestSchema(op.body.schema);
      expect(strict.safeParse(example).success, file).toBe(op.body.schema.safeParse(example).success);
    }
    const tags = strictRequestSchema(
      operationById('BatchCreateAutopilotClusterTags')!.body!.kind === 'json'
        ? (operationById('BatchCreateAutopilotClusterTags')!.body as { schema: z.ZodType }).schema
        : z.never(),
    );
    expect(tags.safeParse({ tags: [{ key: 'a', value: 'b', Key: '_sys_x' }] }).success).toBe(false);
    expect(tags.safeParse({ tags: [{ key: 'a', value: 'b' }] }).success).toBe(true);
  });
});
