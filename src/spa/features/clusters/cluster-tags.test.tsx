import { screen, waitFor, within } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { envelopeResponse } from '../../shared/test/fake-bff.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { ClusterTags } from './cluster-tags.tsx';
import { CLUSTER_PATH, CLUSTER_UID, detailCluster, installDetailBff } from './cluster-detail-test-bff.ts';

/** The tab as the page feeds it: the cluster from the detail query, refetched after each change. */
function TagsTab() {
  const cluster = useQuery(clusterQueries.detail(CLUSTER_UID));
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

describe('cluster tags tab', () => {
  it('adds two tags, edits one and removes the other through the batch tag operations', async () => {
    const bff = installDetailBff();
    const { user } = renderWithProviders(<TagsTab />);
    await ready();
    expect(screen.getByText('No tags yet.')).toBeInTheDocument();

    for (const [key, value] of [['owner', 'data-team'], ['tier', 'batch']]) {
      await user.type(screen.getByRole('textbox', { name: 'Key' }), key!);
      await user.type(screen.getByRole('textbox', { name: 'Value' }), value!);
      await user.click(screen.getByRole('button', { name: 'Add tag' }));
      await waitFor(() => expect(screen.getByRole('textbox', { name: 'Key' })).toHaveValue(''));
    }
    expect(rows()).toEqual([['owner', 'data-team'], ['tier', 'batch']]);

    await user.click(screen.getByRole('button', { name: 'Edit tag owner' }));
    expect(screen.getByRole('textbox', { name: 'Key' })).toHaveValue('owner');
    await user.clear(screen.getByRole('textbox', { name: 'Value' }));
    await user.type(screen.getByRole('textbox', { name: 'Value' }), 'platform-team');
    await user.click(screen.getByRole('button', { name: 'Save tag' }));
    await waitFor(() => expect(rows()).toEqual([['owner', 'platform-team'], ['tier', 'batch']]));

    await user.click(screen.getByRole('button', { name: 'Remove tag tier' }));
    await waitFor(() => expect(rows()).toEqual([['owner', 'platform-team']]));

    expect(bff.changes()).toEqual([
      { method: 'POST', path: `${CLUSTER_PATH}/tags/create`, body: { tags: [{ key: 'owner', value: 'data-team' }] } },
      { method: 'POST', path: `${CLUSTER_PATH}/tags/create`, body: { tags: [{ key: 'tier', value: 'batch' }] } },
      // Same key: the documented overwrite, no window without the tag.
      { method: 'POST', path: `${CLUSTER_PATH}/tags/create`, body: { tags: [{ key: 'owner', value: 'platform-team' }] } },
      { method: 'POST', path: `${CLUSTER_PATH}/tags/delete`, body: { tags: [{ key: 'tier' }] } },
    ]);
  });

  it('renaming a key creates the new tag, then deletes the old one', async () => {
    const bff = installDetailBff(detailCluster({ tags: [{ key: 'env', value: 'prod' }] }));
    const { user } = renderWithProviders(<TagsTab />);
    await ready();
    await user.click(screen.getByRole('button', { name: 'Edit tag env' }));
    const key = screen.getByRole('textbox', { name: 'Key' });
    await user.clear(key);
    await user.type(key, 'environment');
    await user.click(screen.getByRole('button', { name: 'Save tag' }));
    await waitFor(() => expect(rows()).toEqual([['environment', 'prod']]));
    expect(bff.changes().map((r) => [r.path.split('/').pop(), r.body])).toEqual([
      ['create', { tags: [{ key: 'environment', value: 'prod' }] }],
      ['delete', { tags: [{ key: 'env' }] }],
    ]);
  });

  it('refuses keys and values breaking the documented rules on the field, before sending', async () => {
    const bff = installDetailBff(detailCluster({ tags: [{ key: 'env', value: 'prod' }] }));
    const { user } = renderWithProviders(<TagsTab />);
    await ready();
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
    expect(bff.changes()).toEqual([]);
  });

  it('stops at 20 tags: a 21st key is refused, while overwriting an existing key is still allowed', async () => {
    const twenty = Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, value: `v${i}` }));
    const bff = installDetailBff(detailCluster({ tags: twenty }));
    const { user } = renderWithProviders(<TagsTab />);
    await ready();
    expect(screen.getByText('20 of at most 20 tags')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Key' }), 'one-more');
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(screen.getByRole('textbox', { name: 'Key' })).toHaveAccessibleDescription('A cluster has at most 20 tags; remove one first.');
    expect(bff.changes()).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Edit tag k3' }));
    await user.clear(screen.getByRole('textbox', { name: 'Value' }));
    await user.type(screen.getByRole('textbox', { name: 'Value' }), 'new');
    await user.click(screen.getByRole('button', { name: 'Save tag' }));
    await waitFor(() => expect(bff.changes()).toHaveLength(1));
  });

  it('puts an API refusal about the key on the key field, with nothing else lost', async () => {
    const bff = installDetailBff();
    bff.override(`POST ${CLUSTER_PATH}/tags/create`, () => envelopeResponse(400, 'CCE.01400001', 'tags[0].key: reserved by the platform.', 'req-tag-1'));
    const { user } = renderWithProviders(<TagsTab />);
    await ready();
    await user.type(screen.getByRole('textbox', { name: 'Key' }), 'owner');
    await user.type(screen.getByRole('textbox', { name: 'Value' }), 'me');
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Key' })).toHaveAccessibleDescription('reserved by the platform.'));
    expect(screen.getByRole('textbox', { name: 'Value' })).toHaveValue('me');
  });
});
