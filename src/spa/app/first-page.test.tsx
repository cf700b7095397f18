import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createTranslator, setMissingMessageHandler } from '../shared/i18n/i18n.ts';
import type { MessageKey } from '../shared/i18n/message-keys.ts';
import { openWorld } from '../shared/test/world.ts';
import { renderApp } from './test-app.tsx';

/*
 * The first page carries the text of the modules it imports, and nothing else: each module imports
 * the messages it shows (`defineMessages`), so the bundler puts exactly those in the first page's
 * code. This test file imports only the shell; the cluster list arrives the way it does in the
 * browser (its route's lazy import). Every text it shows must be there (test-setup fails a test on a
 * key no loaded module defines), and the text of the other pages must not. The demo seed's clusters
 * are in every phase the list words differently (Available, Creating, Upgrading, Error, Hibernation, …).
 */
/** Keys of other pages' messages, one per module: none may be loaded by the first page. */
const OTHER_PAGES: string[] = [
  'clusterDetail.tab.overview',
  'clusterCreate.title',
  'clusterDelete.title',
  'quotas.title',
  'audit.title',
  'accounts.title',
  'signIn.title',
  'notFound.title',
  'addons.title',
];

function loadedKeys(keys: string[]): string[] {
  const missing = new Set<string>();
  const previous = setMissingMessageHandler((key) => missing.add(key));
  try {
    const { t } = createTranslator('en');
    for (const key of keys) t(key as MessageKey);
  } finally {
    setMissingMessageHandler(previous);
  }
  return keys.filter((key) => !missing.has(key));
}

describe('the first page', () => {
  it("shows the cluster list with every text it names, and brings none of the other pages' text", async () => {
    await openWorld();
    renderApp('/clusters');
    const table = await screen.findByRole('table', { name: 'Clusters' });
    expect(within(table).getByText('Creating')).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'Actions for prod-payments' })).toBeInTheDocument();
    expect(loadedKeys(OTHER_PAGES)).toEqual([]);
  });

  it('shows the cluster list in Simplified Chinese, its translations loaded with it', async () => {
    await openWorld();
    renderApp('/clusters', { language: 'zh-CN' });
    const table = await screen.findByRole('table', { name: '集群' });
    expect(await within(table).findByText('创建中')).toBeInTheDocument();
  });
});
