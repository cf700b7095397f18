import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { operationById } from './operations.ts';

// Every repaired example of the API reference digests (../shared/reference/api-*.md) is kept as a
// fixture named `<OperationId>.request[.n].json` or `<OperationId>.response[.n].json`.
const dir = join(dirname(fileURLToPath(import.meta.url)), 'examples');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('API reference examples', () => {
  it('exist for every area', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files)('%s parses with its operation schema', (file) => {
    const m = /^([A-Za-z]+)\.(request|response)(?:\.(\d+))?\.json$/.exec(file);
    expect(m, `fixture name ${file}`).not.toBeNull();
    const [, id, kind] = m!;
    const op = operationById(id!);
    expect(op, `operation ${id}`).toBeDefined();
    const example: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const schema = kind === 'request' ? (op!.body?.kind === 'json' ? op!.body.schema : op!.body?.fields) : op!.response;
    expect(schema, `${file}: the operation documents no ${kind} body`).toBeTruthy();
    const result = schema!.safeParse(example);
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues, null, 2)).toBe(true);
  });
});
