import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../contract/console-api.ts';
import { renderApp } from './test-app.tsx';
import { openWorld, type TestWorld } from '../shared/test/world.ts';
import { safeNext } from '../features/session/sign-in-page.tsx';

/** Types this role's test account (or `password` instead of its own) into the sign-in form, sends it and waits for the BFF's answer. */
async function signInAs(world: TestWorld, user: ReturnType<typeof renderApp>['user'], role: Role, password = world.user(role).password) {
  await user.type(await screen.findByRole('textbox', { name: 'Username' }), world.user(role).username);
  await user.type(screen.getByLabelText(/^Password/), password);
  const since = world.sent.length;
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return world.answered('POST', '/api/session', since);
}

describe('sign-in', () => {
  it('sends a signed-out operator to sign in, then back where they were going', async () => {
    const world = await openWorld({ role: null });
    const { router, user } = renderApp('/clusters?status=Error', { language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to the CCE Autopilot console' })).toBeInTheDocument();
    expect(router.location.pathname).toBe('/sign-in');
    // Simulator mode states the demo accounts plainly.
    const demo = await screen.findByRole('table', { name: 'Demo accounts' });
    expect(within(demo).getByText(world.user('viewer').password)).toBeInTheDocument();

    await signInAs(world, user, 'operator');

    expect(await screen.findByRole('heading', { level: 1, name: 'Clusters' })).toBeInTheDocument();
    expect(router.location.pathname + router.location.search).toBe('/clusters?status=Error');
    expect(within(screen.getByRole('banner')).getByText(world.user('operator').username)).toBeInTheDocument();
  });

  it('says so when the credentials are wrong, keeping what was typed', async () => {
    const world = await openWorld({ role: null });
    const { user } = renderApp('/sign-in', { language: 'en' });
    await signInAs(world, user, 'operator', 'not-her-password');
    expect(await screen.findByText('Wrong username or password.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Username' })).toHaveValue(world.user('operator').username);
  });

  it.each([
    [0, 'Too many failed sign-ins. Wait 15 minutes and try again.'],
    [839, 'Too many failed sign-ins. Wait 2 minutes and try again.'],
    [870, 'Too many failed sign-ins. Wait 30 seconds and try again.'],
  ])('tells a throttled operator how long to wait (%i s into the 15-minute window)', async (elapsed, message) => {
    const world = await openWorld({ role: null });
    // Five wrong passwords for one account from one address: the BFF holds further tries for the rest of the window.
    await world.failSignIns('operator', 5);
    await world.advance(elapsed * 1000);
    const { user } = renderApp('/sign-in', { language: 'en' });
    expect((await signInAs(world, user, 'operator', 'whatever-password')).status).toBe(429);
    expect(await screen.findByText(message)).toBeInTheDocument();
  });

  it('sends the operator to sign in when a call answers 401 mid-session, noting the session ended and where they were', async () => {
    const world = await openWorld({ role: null });
    const { router, user } = renderApp('/sign-in', { language: 'en' });
    await signInAs(world, user, 'operator');
    expect(await screen.findByRole('heading', { level: 1, name: 'Clusters' })).toBeInTheDocument();

    // The session ends on the server (here: idle longer than 30 minutes); the next data call is refused.
    await world.advance(31 * 60_000);
    await act(() => router.navigate('/audit?actor=bob'));
    expect(await screen.findByText('Your session ended. Sign in again to continue where you were.')).toBeInTheDocument();
    expect(router.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.location.search).get('next')).toBe('/audit?actor=bob');

    await signInAs(world, user, 'operator');
    await waitFor(() => expect(router.location.pathname + router.location.search).toBe('/audit?actor=bob'));
  });

  it('sends the CSRF token on changes, and signs out for real', async () => {
    const world = await openWorld({ role: null });
    const { user, router } = renderApp('/sign-in', { language: 'en' });
    await signInAs(world, user, 'operator');
    const draftKey = `cce-console.draft.create-cluster:${world.user('operator').username}`;
    window.sessionStorage.setItem(draftKey, JSON.stringify({ name: 'half-typed' }));
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(router.location.pathname).toBe('/sign-in'));
    // The next person at this browser finds no half-typed form.
    expect(window.sessionStorage.getItem(draftKey)).toBeNull();
    // Signing out is not a session that ended: no note, and no way back to the page behind it.
    expect(router.location.search).toBe('');
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByText(/Your session ended/)).not.toBeInTheDocument();

    // The BFF took the sign-out (it refuses a change without the session's CSRF token), and the session is gone.
    const signOut = world.sent.find((r) => r.method === 'DELETE' && r.path === '/api/session');
    expect(signOut?.status).toBe(204);
    expect(signOut?.headers.get('x-csrf-token')).toMatch(/.{16,}/);
    expect(world.sent.filter((r) => r.method === 'GET').every((r) => r.headers.get('x-csrf-token') === null)).toBe(true);
    expect((await fetch('/api/session')).status).toBe(401);
  });

  it('only follows same-origin paths after sign-in', () => {
    expect(safeNext('/clusters/abc?tab=access')).toBe('/clusters/abc?tab=access');
    for (const hostile of ['https://evil.example', '//evil.example', '/\\evil.example', null, '', '/sign-in?next=/x'])
      expect(safeNext(hostile)).toBe('/clusters');
  });
});

describe('roles in the shell', () => {
  it('shows the Accounts section to admins only, and the page explains itself to others', async () => {
    const world = await openWorld({ role: null });
    const { user } = renderApp('/sign-in', { language: 'en' });
    await signInAs(world, user, 'admin');
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Accounts' })).toBeInTheDocument();
  });

  it('hides Accounts from a viewer and shows why the page is closed', async () => {
    const world = await openWorld({ role: null });
    const { user } = renderApp('/sign-in?next=/accounts', { language: 'en' });
    await signInAs(world, user, 'viewer');
    expect(await screen.findByText('Managing accounts needs the admin role.')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).queryByRole('link', { name: 'Accounts' })).not.toBeInTheDocument();
  });
});
