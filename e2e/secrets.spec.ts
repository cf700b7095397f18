import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ACCOUNTS } from '../src/bff/auth/bootstrap.ts';
import { expect, test } from './fixtures.ts';
import { BROWSER_SECRETS } from './secret-scan.ts';

const DIST = join(import.meta.dirname, '..', 'dist');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
}

test('the built bundle holds no credential: not the signing keys, not the IAM password, not a demo password', () => {
  const bundle = files(DIST);
  expect(bundle.some((f) => f.endsWith('.js'))).toBe(true);
  const secrets = [...BROWSER_SECRETS, ...DEMO_ACCOUNTS.map((a) => a.password), 'sImU1aT0rDeM0sEcReTkEy0nLyF0rL0cAlUsE001'];
  for (const file of bundle) {
    const text = readFileSync(file, 'utf8');
    for (const secret of secrets) expect(text.includes(secret), `${file} contains ${secret.slice(0, 4)}…`).toBe(false);
  }
});
