import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ConsoleStore } from './console-store.ts';
import { openEmbedded } from './sql-client.ts';

const writer = fileURLToPath(new URL('./test-audit-writer.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'console-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded store durability', () => {
  it('keeps every acknowledged audit entry when the process is killed mid-run', async () => {
    // The writer appends entries in a loop and prints each id once appendAudit resolves; it is
    // killed with SIGKILL (no shutdown hooks, no flush) while still writing.
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acknowledged: string[] = [];
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) if (line.startsWith('ack ')) acknowledged.push(line.slice(4));
        if (acknowledged.length >= 40) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited early: ${code}`))));
    });
    await new Promise((resolve) => child.once('close', resolve));

    const store = await ConsoleStore.open(await openEmbedded(dir));
    try {
      const { entries } = await store.queryAudit({ limit: 10_000 });
      const stored = new Set(entries.map((e) => e.requestId));
      const missing = acknowledged.filter((id) => !stored.has(id));
      expect(acknowledged.length).toBeGreaterThanOrEqual(40);
      expect(missing).toEqual([]);
    } finally {
      await store.close();
    }
  }, 60_000);
});
