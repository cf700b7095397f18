import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { tagsCreateBodySchema, tagsDeleteBodySchema } from './tags.ts';

function messages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}
const create = (...tags: unknown[]) => messages(tagsCreateBodySchema, { tags });

describe('tagsCreateBodySchema', () => {
  it('accepts the reference example, Chinese letters, the documented special characters and empty values', () => {
    expect(
      messages(tagsCreateBodySchema, {
        tags: [
          { key: 'key1', value: 'value1' },
          { key: 'key2', value: 'value3' },
        ],
      }),
    ).toEqual([]);
    expect(create({ key: '部门', value: '研发 一部' })).toEqual([]);
    expect(create({ key: 'app.kubernetes.io/name', value: 'a_b:c=d+e-f@g' })).toEqual([]);
    expect(create({ key: 'owner', value: '' }, { key: 'team' })).toEqual([]);
  });

  it('rejects empty, reserved, over-long, padded and badly charactered keys', () => {
    expect(create({ key: '', value: 'x' })).toContain('Tag key must not be empty');
    expect(create({ value: 'x' })).toContain('Tag key is required');
    expect(create({ key: '_sys_owner', value: 'x' })).toContain('Tag key must not start with _sys_');
    expect(create({ key: 'k'.repeat(129), value: 'x' })).toContain('Tag key must be at most 128 characters');
    expect(create({ key: 'k'.repeat(128), value: 'v'.repeat(255) })).toEqual([]);
    expect(create({ key: ' owner', value: 'x' })).toContain('Tag key must not start or end with a space');
    expect(create({ key: 'owner!', value: 'x' })).toContain('Tag key may contain only letters, digits, spaces and _ . : / = + - @');
    expect(create({ key: 'owner', value: 'v'.repeat(256) })).toContain('Tag value must be at most 255 characters');
    expect(create({ key: 'owner', value: 'a;b' })).toContain('Tag value may contain only letters, digits, spaces and _ . : / = + - @');
  });

  it('allows at most 20 tags with distinct keys and at least one', () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expect(create(...tags(20))).toEqual([]);
    expect(create(...tags(21))).toEqual(['A cluster supports at most 20 resource tags']);
    expect(create({ key: 'a', value: '1' }, { key: 'a', value: '2' })).toEqual(['Each tag key may appear only once']);
    expect(create()).toEqual(['Give at least one tag']);
    expect(messages(tagsCreateBodySchema, {})).not.toEqual([]);
  });
});

describe('tagsDeleteBodySchema', () => {
  it('accepts the reference example and rejects invalid keys', () => {
    expect(messages(tagsDeleteBodySchema, { tags: [{ key: 'key1' }, { key: 'key2' }] })).toEqual([]);
    expect(messages(tagsDeleteBodySchema, { tags: [] })).toEqual(['Give at least one tag key']);
    expect(messages(tagsDeleteBodySchema, { tags: [{ key: '' }] })).toContain('Tag key must not be empty');
    expect(messages(tagsDeleteBodySchema, { tags: [{ key: '_sys_x' }] })).toContain('Tag key must not start with _sys_');
  });
});
