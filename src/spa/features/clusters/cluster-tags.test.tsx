import { screen, waitFor, within } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { batchCreateClusterTags } from '../../../contract/clusters.ts';
import { callOperation } from '../../shared/api/api-client.ts';
import { ApiError } from '../../shared/api/api-error.ts';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { openWorld, type TestWorld } from '../../shared/test/world.ts';
import { ClusterTags, tagErrorsOf } from './cluster-tags.tsx';

/** The tab as the page feeds it: the cluster from the detail query, refetched after each change. */
function TagsTab({ clusterId }: { clusterId: string }) {
  const cluster = useQuery(clusterQueries.detail(clusterId));
  return cluster.data ? <ClusterTags cluster={cluster.data} /> : null;
}

async function ready() {
  await waitFor(() => expect(screen.getByRole('button', { name: 'Add tag' })).toBeEnabled());
}

const rows = () =>
  within(screen.getByRole('table', { name: 'Tags' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.querySelectorAll('td')].slice(0, 2).map((c) => c.textContent));

/** The tag changes the console sent: last path segment (create/delete) and body. */
const tagChanges = (world: TestWorld) =>
  world.sent.filter((r) => r.method === 'POST' && /\/tags\/(create|delete)$/.test(r.path)).map((r) => [r.path.split('/').pop(), r.body]);

/** The demo's dev-sandbox: Available, one tag `env=dev`. */
async function sandbox() {
  const world = await openWorld();
  const { user } = renderWithProviders(<TagsTab clusterId={world.demo.clusters['dev-sandbox']!} />);
  await ready();
  return { world, user };
}

describe('cluster tags tab', () => {
  it('adds two tags, edits one and removes the other through the batch tag operations', async () => {
    const { world, user } = await sandbox();
    expect(rows()).toEqual([['env', 'dev']]);

    for (const [key, value] of [
      ['owner', 'data-team'],
      ['tier', 'batch'],
    ]) {
      await user.type(screen.getByRole('textbox', { name: 'Key' }), key!);
      await user.type(screen.getByRole('textbox', { name: 'Value' }), value!);
      await user.click(screen.getByRole('button', { name: 'Add tag' }));
      await waitFor(() => expect(screen.getByRole('textbox', { name: 'Key' })).toHaveValue(''));
    }
    await waitFor(() =>
      expect(rows()).toEqual(
        expect.arrayContaining([
          ['owner', 'data-team'],
          ['tier', 'batch'],
        ]),
      ),
    );

    await user.click(screen.getByRole('button', { name: 'Edit tag owner' }));
    expect(screen.getByRole('textbox', { name: 'Key' })).toHaveValue('owner');
    await user.clear(screen.getByRole('textbox', { name: 'Value' }));
    await user.type(screen.getByRole('textbox', { name: 'Value' }), 'platform-team');
    await user.click(screen.getByRole('button', { name: 'Save tag' }));
    await waitFor(() => expect(rows()).toEqual(expect.arrayContaining([['owner', 'platform-team']])));

    await user.click(screen.getByRole('button', { name: 'Remove tag tier' }));
    await waitFor(() => expect(rows().map(([key]) => key)).not.toContain('tier'));
    expect(rows()).toHaveLength(2);

    expect(tagChanges(world)).toEqual([
      ['create', { tags: [{ key: 'owner', value: 'data-team' }] }],
      ['create', { tags: [{ key: 'tier', value: 'batch' }] }],
      // Same key: the documented overwrite, no window without the tag.
      ['create', { tags: [{ key: 'owner', value: 'platform-team' }] }],
      ['delete', { tags: [{ key: 'tier' }] }],
    ]);
  });

  it('renaming a key creates the new tag, then deletes the old one', async () => {
    const { world, user } = await sandbox();
    await user.click(screen.getByRole('button', { name: 'Edit tag env' }));
    const key = screen.getByRole('textbox', { name: 'Key' });
    await user.clear(key);
    await user.type(key, 'environment');
    await user.click(screen.getByRole('button', { name: 'Save tag' }));
    await waitFor(() => expect(rows()).toEqual([['environment', 'dev']]));
    expect(tagChanges(world)).toEqual([
      ['create', { tags: [{ key: 'environment', value: 'dev' }] }],
      ['delete', { tags: [{ key: 'env' }] }],
    ]);
  });

  it('refuses keys and values breaking the documented rules on the field, before sending', async () => {
    const { world, user } = await sandbox();
    const key = screen.getByRole('textbox', { name: 'Key' });
    const value = screen.getByRole('textbox', { name: 'Value' });
    const cases: [string, string, RegExp, 'key' | 'value'][] = [
      ['bad key!', '', /Tag key may contain only letters, digits, spaces and _ \. : \/ = \+ - @/, 'key'],
      ['_sys_owner', '', /must not start with _sys_/, 'key'],
      [' padded', '', /must not start or end with a space/, 'key'],
      ['k'.repeat(129), '', /at most 128 characters/, 'key'],
      ['env', 'x', /already exists; edit that tag instead/, 'key'],
      ['ok', 'v'.repeat(256), /at most 255 characters/, 'value'],
      ['ok', 'semi;colon', /Tag value may contain only/, 'value'],
    ];
    for (const [k, v, message, field] of cases) {
      await user.clear(key);
      await user.type(key, k);
      await user.clear(value);
      if (v) await user.click(value).then(() => user.paste(v));
      await user.click(screen.getByRole('button', { name: 'Add tag' }));
      expect(field === 'key' ? key : value).toHaveAccessibleDescription(message);
    }
    expect(tagChanges(world)).toEqual([]);
  });

  it('stops at 20 tags: a 21st key is refused, while overwriting an existing key is still allowed', async () => {
    const world = await openWorld();
    const clusterId = world.demo.clusters['dev-sandbox']!;
    // Up to the limit before the tab opens: 19 more beside env=dev, in one batch through the BFF.
    const { projectId } = (await (await fetch('/api/context')).json()) as { projectId: string };
    const tags = Array.from({ length: 19 }, (_, i) => ({ key: `k${i}`, value: `v${i}` }));
    await callOperation(batchCreateClusterTags, { params: { project_id: projectId, cluster_id: clusterId }, body: { tags } });
    world.sent.length = 0;
    const { user } = renderWithProviders(<TagsTab clusterId={clusterId} />);
    await ready();
    expect(screen.getByText('20 of at most 20 tags')).toBeInTheDocument();
    const sent = tagChanges(world).length;
    await user.type(screen.getByRole('textbox', { name: 'Key' }), 'one-more');
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(screen.getByRole('textbox', { name: 'Key' })).toHaveAccessibleDescription('A cluster has at most 20 tags; remove one first.');
    expect(tagChanges(world)).toHaveLength(sent);

    await user.clear(screen.getByRole('textbox', { name: 'Key' }));
    await user.click(screen.getByRole('button', { name: 'Edit tag k3' }));
    await user.type(screen.getByRole('textbox', { name: 'Value' }), 'new');
    await user.click(screen.getByRole('button', { name: 'Save tag' }));
    await waitFor(() => expect(tagChanges(world)).toHaveLength(sent + 1));
  });

  it("reads a refusal about the key or the value from the BFF's field errors or the cloud's message", () => {
    const bff = new ApiError({
      status: 400,
      code: 'BFF.BAD_REQUEST',
      message: 'Invalid request',
      fields: [{ path: 'body.tags.0.value', message: 'Too long.' }],
    });
    expect(tagErrorsOf(bff)).toEqual({ value: 'Too long.' });
    const cloud = new ApiError({ status: 400, code: 'CCE.01400001', message: 'tags[0].key: reserved by the platform.' });
    expect(tagErrorsOf(cloud)).toEqual({ key: 'reserved by the platform.' });
  });
});
