import { notifications } from '@mantine/notifications';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../shared/i18n/i18n.ts';
import { openWorld } from '../shared/test/world.ts';
import { renderApp } from './test-app.tsx';

describe('console shell', () => {
  it('opens on the cluster list, in a shell that names the product, project and region and flags the simulator', async () => {
    const world = await openWorld();
    const { router, user } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Clusters' })).toBeInTheDocument();
    expect(router.location.pathname).toBe('/clusters');
    expect(await screen.findByRole('table', { name: 'Clusters' })).toBeInTheDocument();

    const header = screen.getByRole('banner');
    expect(within(header).getByText('CCE Autopilot console')).toBeInTheDocument();
    expect(within(header).getByText(world.projectId)).toBeInTheDocument();
    expect(within(header).getByText(world.region)).toBeInTheDocument();

    const badge = within(header).getByText('Simulator', { exact: true });
    await user.hover(badge);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('no cloud account is used');
  });

  it('shows no simulator badge when the console talks to the cloud', async () => {
    const world = await openWorld({ mode: 'cloud' });
    renderApp('/clusters');
    await screen.findByRole('table', { name: 'Clusters' });
    const header = screen.getByRole('banner');
    expect(within(header).getByText(world.projectId)).toBeInTheDocument();
    expect(within(header).queryByText('Simulator')).not.toBeInTheDocument();
  });

  it('navigates to every section; the current one is marked', async () => {
    await openWorld();
    const { user, router } = renderApp('/clusters');
    await screen.findByRole('table', { name: 'Clusters' });
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Clusters', 'Add-ons', 'Upgrades', 'Charts', 'Releases', 'Quotas', 'Audit']);
    expect(within(nav).getByRole('link', { name: 'Clusters' })).toHaveAttribute('aria-current', 'page');

    await user.click(within(nav).getByRole('link', { name: 'Upgrades' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Upgrades' })).toBeInTheDocument();
    expect(router.location.pathname).toBe('/upgrades');
    expect(within(nav).getByRole('link', { name: 'Upgrades' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Clusters' })).not.toHaveAttribute('aria-current');
  });

  it('switches to Simplified Chinese and back; the choice sets <html lang> and is remembered', async () => {
    await openWorld();
    const { user } = renderApp('/clusters');
    await screen.findByRole('table', { name: 'Clusters' });
    expect(document.documentElement.lang).toBe('en');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Language' }));
    expect(screen.getByRole('listbox', { name: 'Language' })).toBeVisible();
    expect(screen.getByRole('option', { name: 'English' })).toHaveAttribute('aria-selected', 'true');
    await user.click(screen.getByRole('option', { name: '简体中文' }));

    expect(await screen.findByRole('heading', { level: 1, name: '集群' })).toBeInTheDocument();
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
    expect(screen.getByRole('table', { name: '集群' })).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: '集群' })).getAllByText('可用')[0]).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '升级' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '深色模式' })).toBeInTheDocument();

    // Back with the keyboard alone: open, move to English, choose.
    const combobox = screen.getByRole('combobox', { name: '语言' });
    combobox.focus();
    await user.keyboard('{ArrowDown}');
    expect(combobox).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Home}{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Clusters' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
  });

  it('starts in the remembered language', async () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'zh-CN');
    await openWorld();
    renderApp('/clusters');
    expect(await screen.findByRole('heading', { level: 1, name: '集群' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('toggles dark mode and tells screen readers whether it is on', async () => {
    await openWorld();
    const { user } = renderApp('/clusters');
    await screen.findByRole('table', { name: 'Clusters' });
    const root = document.documentElement;
    const toggle = screen.getByRole('button', { name: 'Dark mode' });
    const before = root.getAttribute('data-mantine-color-scheme');
    await waitFor(() => expect(toggle).toHaveAttribute('aria-pressed', String(before === 'dark')));
    await user.click(toggle);
    await waitFor(() => expect(root.getAttribute('data-mantine-color-scheme')).not.toBe(before));
    const after = root.getAttribute('data-mantine-color-scheme');
    expect(['light', 'dark']).toContain(after);
    expect(toggle).toHaveAttribute('aria-pressed', String(after === 'dark'));
  });

  it('shows a not-found page for an unknown address, with a way back to the clusters', async () => {
    await openWorld();
    const { user, router } = renderApp('/no-such-page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText(/There is no page at \/no-such-page/)).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Go to the cluster list' }));
    expect(await screen.findByRole('table', { name: 'Clusters' })).toBeInTheDocument();
    expect(router.location.pathname).toBe('/clusters');
  });

  it('shows notifications even though their container is loaded only on first use', async () => {
    await openWorld();
    renderApp('/clusters');
    await screen.findByRole('table', { name: 'Clusters' });
    act(() => {
      notifications.show({ title: 'Cluster deleted', message: 'prod-payments is being deleted.' });
    });
    expect(await screen.findByText('prod-payments is being deleted.')).toBeInTheDocument();
    act(() => notifications.clean());
  });
});
