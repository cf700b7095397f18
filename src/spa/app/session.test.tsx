import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../contract/console-api.ts';
import { renderApp } from './test-app.tsx';
import { CLUSTERS_PATH, envelopeResponse, installFetch, jsonResponse, operatorSession, simulatorContext } from '../shared/test/fake-bff.ts';
import { safeNext } from '../features/session/sign-in-page.tsx';

const emptyList = { kind: 'Cluster', apiVersion: 'v3', items: [] };

/** A BFF with real session behaviour: 401 until signed in, CSRF checked on changes. */
function sessionBff(accounts: Record<string, { password: string; session: Session }>, options: { throttle?: number } = {}) {
  let current: Session | null = null;
  const seen: Request[] = [];
  const fetchMock = installFetch(async (request) => {
    seen.push(request.clone());
    const { pathname } = new URL(request.url);
    if (pathname === '/api/context')
      return jsonResponse({ ...simulatorContext, demoAccounts: [{ username: 'viewer', password: 'demo-viewer-password', role: 'viewer' }] });
    if (pathname === '/api/session' && request.method === 'POST') {
      if (options.throttle) {
        const throttled = envelopeResponse(429, 'BFF.TOO_MANY_ATTEMPTS', 'Too many failed sign-ins.', 'req-429');
        throttled.headers.set('Retry-After', String(options.throttle));
        return throttled;
      }
      const { username, password } = (await request.json()) as { username: string; password: string };
      const account = accounts[username];
      if (!account || account.password !== password) return envelopeResponse(401, 'BFF.INVALID_CREDENTIALS', 'Wrong username or password.', 'req-401');
      current = account.session;
      return jsonResponse(current);
    }
    if (!current) return envelopeResponse(401, 'BFF.UNAUTHENTICATED', 'Sign in to use the console.', 'req-anon');
    if (pathname === '/api/session' && request.method === 'GET') return jsonResponse(current);
    if (pathname === '/api/session' && request.method === 'DELETE') {
      current = null;
      return new Response(null, { status: 204 });
    }
    if (pathname === CLUSTERS_PATH) return jsonResponse(emptyList);
    return envelopeResponse(404, 'BFF.NOT_FOUND', 'No route', 'req-404');
  });
  return { fetchMock, seen, endSession: () => (current = null) };
}

describe('sign-in', () => {
  it('sends a signed-out operator to sign in, then back where they were going', async () => {
    sessionBff({ olivia: { password: 'olivia-password-1', session: operatorSession } });
    const { router, user } = renderApp('/clusters?status=Error', { language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to the CCE Autopilot console' })).toBeInTheDocument();
    expect(router.location.pathname).toBe('/sign-in');
    // Simulator mode states the demo accounts plainly.
    const demo = await screen.findByRole('table', { name: 'Demo accounts' });
    expect(within(demo).getByText('demo-viewer-password')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Username' }), 'olivia');
    await user.type(screen.getByLabelText(/^Password/), 'olivia-password-1');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Clusters' })).toBeInTheDocument();
    expect(router.location.pathname + router.location.search).toBe('/clusters?status=Error');
    expect(within(screen.getByRole('banner')).getByText('olivia')).toBeInTheDocument();
  });

  it('says so when the credentials are wrong, keeping what was typed', async () => {
    sessionBff({ olivia: { password: 'olivia-password-1', session: operatorSession } });
    const { user } = renderApp('/sign-in', { language: 'en' });
    await user.type(await screen.findByRole('textbox', { name: 'Username' }), 'olivia');
    await user.type(screen.getByLabelText(/^Password/), 'not-her-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Wrong username or password.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Username' })).toHaveValue('olivia');
  });

  it.each([
    [900, 'Too many failed sign-ins. Wait 15 minutes and try again.'],
    [61, 'Too many failed sign-ins. Wait 2 minutes and try again.'],
    [30, 'Too many failed sign-ins. Wait 30 seconds and try again.'],
  ])('tells a throttled operator how long to wait (Retry-After %i)', async (retryAfter, message) => {
    sessionBff({}, { throttle: retryAfter });
    const { user } = renderApp('/sign-in', { language: 'en' });
    await user.type(await screen.findByRole('textbox', { name: 'Username' }), 'olivia');
    await user.type(screen.getByLabelText(/^Password/), 'whatever-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(message)).toBeInTheDocument();
  });

  it('sends the operator to sign in when a call answers 401 mid-session, noting the session ended and where they were', async () => {
    const { endSession } = sessionBff({ olivia: { password: 'olivia-password-1', session: operatorSession } });
    const { router, user } = renderApp('/sign-in', { language: 'en' });
    await user.type(await screen.findByRole('textbox', { name: 'Username' }), 'olivia');
    await user.type(screen.getByLabelText(/^Password/), 'olivia-password-1');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Clusters' })).toBeInTheDocument();

    // The session ends on the server (timeout, disabled account); the next data call is refused.
    endSession();
    await act(() => router.navigate('/audit?actor=bob'));
    expect(await screen.findByText('Your session ended. Sign in again to continue where you were.')).toBeInTheDocument();
    expect(router.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.location.search).get('next')).toBe('/audit?actor=bob');

    await user.type(screen.getByRole('textbox', { name: 'Username' }), 'olivia');
    await user.type(screen.getByLabelText(/^Password/), 'olivia-password-1');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(router.location.pathname + router.location.search).toBe('/audit?actor=bob'));
  });

  it('sends the CSRF token on changes, and signs out for real', async () => {
    const { seen } = sessionBff({ olivia: { password: 'olivia-password-1', session: operatorSession } });
    const { user, router } = renderApp('/sign-in', { language: 'en' });
    await user.type(await screen.findByRole('textbox', { name: 'Username' }), 'olivia');
    await user.type(screen.getByLabelText(/^Password/), 'olivia-password-1');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    window.sessionStorage.setItem('cce-console.draft.create-cluster:olivia', JSON.stringify({ name: 'half-typed' }));
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(router.location.pathname).toBe('/sign-in'));
    // The next person at this browser finds no half-typed form.
    expect(window.sessionStorage.getItem('cce-console.draft.create-cluster:olivia')).toBeNull();
    // Signing out is not a session that ended: no note, and no way back to the page behind it.
    expect(router.location.search).toBe('');
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByText(/Your session ended/)).not.toBeInTheDocument();
    const signOut = seen.find((r) => r.method === 'DELETE');
    expect(signOut?.headers.get('x-csrf-token')).toBe(operatorSession.csrfToken);
    expect(seen.filter((r) => r.method === 'GET').every((r) => r.headers.get('x-csrf-token') === null)).toBe(true);
  });

  it('only follows same-origin paths after sign-in', () => {
    expect(safeNext('/clusters/abc?tab=access')).toBe('/clusters/abc?tab=access');
    for (const hostile of ['https://evil.example', '//evil.example', '/\\evil.example', null, '', '/sign-in?next=/x'])
      expect(safeNext(hostile)).toBe('/clusters');
  });
});

describe('roles in the shell', () => {
  it('shows the Accounts section to admins only, and the page explains itself to others', async () => {
    sessionBff({ ada: { password: 'ada-password-123', session: { user: 'ada', role: 'admin', csrfToken: 't' } } });
    const first = renderApp('/sign-in', { language: 'en' });
    await first.user.type(await screen.findByRole('textbox', { name: 'Username' }), 'ada');
    await first.user.type(screen.getByLabelText(/^Password/), 'ada-password-123');
    await first.user.click(screen.getByRole('button', { name: 'Sign in' }));
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Accounts' })).toBeInTheDocument();
  });

  it('hides Accounts from a viewer and shows why the page is closed', async () => {
    sessionBff({ vic: { password: 'vic-password-1234', session: { user: 'vic', role: 'viewer', csrfToken: 't' } } });
    const { user } = renderApp('/sign-in?next=/accounts', { language: 'en' });
    await user.type(await screen.findByRole('textbox', { name: 'Username' }), 'vic');
    await user.type(screen.getByLabelText(/^Password/), 'vic-password-1234');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Managing accounts needs the admin role.')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).queryByRole('link', { name: 'Accounts' })).not.toBeInTheDocument();
  });
});
