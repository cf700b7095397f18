import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Account, Session } from '../../../contract/console-api.ts';
import { envelopeResponse, installFetch, jsonResponse, operatorSession, simulatorContext } from '../../shared/test/fake-bff.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { AccountsPage } from './accounts-page.tsx';

const admin: Session = { user: 'ada', role: 'admin', csrfToken: 'csrf-of-ada' };
const T0 = '2026-11-20T08:00:00.000Z';

/** A BFF holding accounts, with the rules the real one applies (existing names, self-lockout). */
function accountsBff(session: Session = admin) {
  const accounts: Account[] = [
    { username: 'ada', role: 'admin', disabled: false, createdAt: T0, updatedAt: T0 },
    { username: 'olivia', role: 'operator', disabled: false, createdAt: T0, updatedAt: T0 },
  ];
  const changes: { method: string; path: string; csrf: string | null; body: unknown }[] = [];
  const fetchMock = installFetch(async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/api/context') return jsonResponse(simulatorContext);
    if (pathname === '/api/session') return jsonResponse(session);
    if (request.method !== 'GET') {
      const text = await request.clone().text();
      changes.push({ method: request.method, path: pathname, csrf: request.headers.get('x-csrf-token'), body: text ? JSON.parse(text) : null });
    }
    if (pathname === '/api/accounts' && request.method === 'GET') return jsonResponse({ items: accounts });
    if (pathname === '/api/accounts' && request.method === 'POST') {
      const body = (await request.json()) as { username: string; role: Account['role']; password: string };
      if (accounts.some((a) => a.username === body.username))
        return envelopeResponse(409, 'BFF.ACCOUNT_EXISTS', `The account ${body.username} exists already.`, 'req-409');
      if (body.password.includes(body.username)) {
        return envelopeResponse(400, 'BFF.BAD_REQUEST', 'Invalid account.', 'req-400', [
          { path: 'body.password', message: 'The password must not contain the username.' },
        ]);
      }
      const created = { username: body.username, role: body.role, disabled: false, createdAt: T0, updatedAt: T0 };
      accounts.push(created);
      return jsonResponse(created, 201);
    }
    const unlock = /^\/api\/accounts\/([^/]+)\/unlock$/.exec(pathname);
    if (unlock && request.method === 'POST') {
      const account = accounts.find((a) => a.username === decodeURIComponent(unlock[1]!));
      if (!account) return envelopeResponse(404, 'BFF.NOT_FOUND', 'No such account', 'req-404');
      account.signInThrottled = false;
      return jsonResponse(account);
    }
    const match = /^\/api\/accounts\/([^/]+)$/.exec(pathname);
    if (match && request.method === 'PATCH') {
      const account = accounts.find((a) => a.username === decodeURIComponent(match[1]!));
      if (!account) return envelopeResponse(404, 'BFF.NOT_FOUND', 'No such account', 'req-404');
      Object.assign(account, (await request.json()) as Partial<Account>, { updatedAt: '2026-11-25T09:00:00.000Z' });
      return jsonResponse(account);
    }
    return envelopeResponse(404, 'BFF.NOT_FOUND', `No route for ${request.method} ${pathname}`, 'req-404');
  });
  return { accounts, changes, fetchMock };
}

function rowOf(username: string): HTMLElement {
  const table = screen.getByRole('table', { name: 'Accounts' });
  const row = within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryAllByRole('cell')[0]?.textContent?.startsWith(username));
  if (!row) throw new Error(`no row for ${username}`);
  return row;
}

describe('accounts page', () => {
  it('offers "Unlock sign-in" for a throttled account only, and lifts the throttle', async () => {
    const { accounts, changes } = accountsBff();
    accounts[1]!.signInThrottled = true;
    const { user } = renderWithProviders(<AccountsPage />);
    await screen.findByRole('table', { name: 'Accounts' });
    expect(within(rowOf('ada')).queryByRole('button', { name: /Unlock sign-in/ })).toBeNull();
    expect(within(rowOf('olivia')).getByText('Sign-in throttled')).toBeInTheDocument();
    await user.click(within(rowOf('olivia')).getByRole('button', { name: 'Unlock sign-in of olivia' }));
    await waitFor(() => expect(within(rowOf('olivia')).queryByText('Sign-in throttled')).toBeNull());
    expect(changes).toEqual([{ method: 'POST', path: '/api/accounts/olivia/unlock', csrf: 'csrf-of-ada', body: null }]);
  });

  it('lists the accounts with role, status and dates, and keeps an admin from locking themselves out', async () => {
    accountsBff();
    const { user } = renderWithProviders(<AccountsPage />);
    await screen.findByRole('table', { name: 'Accounts' });
    const own = rowOf('ada');
    expect(within(own).getByText('You')).toBeInTheDocument();
    expect(within(own).getByRole('combobox', { name: 'Role of ada' })).toBeDisabled();
    expect(within(own).getByRole('button', { name: 'Disable ada' })).toBeDisabled();
    await user.hover(within(own).getByRole('button', { name: 'Disable ada' }).parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('You cannot disable your own account or change its role: ask another admin.');
    // Resetting one's own password is not a lockout.
    expect(within(own).getByRole('button', { name: 'Reset password of ada' })).toBeEnabled();

    const other = rowOf('olivia');
    expect(within(other).getByRole('combobox', { name: 'Role of olivia' })).toHaveValue('Operator');
    expect(within(other).getByRole('button', { name: 'Disable olivia' })).toBeEnabled();
    expect(within(other).getByText('Active')).toBeInTheDocument();
    expect(within(other).getAllByRole('time')[0]).toHaveAttribute('title', T0);
  });

  it('checks a new account against the contract before sending anything', async () => {
    const { changes } = accountsBff();
    const { user } = renderWithProviders(<AccountsPage />);
    await user.click(await screen.findByRole('button', { name: 'Create account' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an account' });
    await user.type(within(dialog).getByRole('textbox', { name: /Username/ }), 'Bob Smith');
    await user.type(within(dialog).getByLabelText(/^Password/), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Create account' }));
    expect(await within(dialog).findByText('Username: lowercase letters, digits, dots, hyphens and underscores, starting with a letter.')).toBeInTheDocument();
    expect(within(dialog).getByText('Password must be at least 12 characters.')).toBeInTheDocument();
    expect(changes).toEqual([]);
  });

  it('creates an account with the CSRF token, and shows it in the list', async () => {
    const { changes } = accountsBff();
    const { user } = renderWithProviders(<AccountsPage />);
    await user.click(await screen.findByRole('button', { name: 'Create account' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an account' });
    await user.type(within(dialog).getByRole('textbox', { name: /Username/ }), 'bob');
    await user.type(within(dialog).getByLabelText(/^Password/), 'correct-horse-battery');
    await user.click(within(dialog).getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Create an account' })).not.toBeInTheDocument());
    expect(changes).toEqual([
      { method: 'POST', path: '/api/accounts', csrf: 'csrf-of-ada', body: { username: 'bob', password: 'correct-horse-battery', role: 'operator' } },
    ]);
    expect(await within(rowOf('bob')).findByRole('combobox', { name: 'Role of bob' })).toHaveValue('Operator');
  });

  it("puts the server's refusals on the form: a field error on its field, an existing name above the buttons", async () => {
    accountsBff();
    const { user } = renderWithProviders(<AccountsPage />);
    await user.click(await screen.findByRole('button', { name: 'Create account' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an account' });
    const username = within(dialog).getByRole('textbox', { name: /Username/ });
    const password = within(dialog).getByLabelText(/^Password/);
    await user.type(username, 'carol');
    await user.type(password, 'carol-password-1');
    await user.click(within(dialog).getByRole('button', { name: 'Create account' }));
    expect(await within(dialog).findByText('The password must not contain the username.')).toBeInTheDocument();
    expect(password).toHaveAccessibleDescription(/must not contain the username/);

    await user.clear(username);
    await user.type(username, 'olivia');
    await user.clear(password);
    await user.type(password, 'a-long-enough-password');
    await user.click(within(dialog).getByRole('button', { name: 'Create account' }));
    expect(await within(dialog).findByText('The account olivia exists already.')).toBeInTheDocument();
  });

  it('disables an account only after confirmation', async () => {
    const { changes } = accountsBff();
    const { user } = renderWithProviders(<AccountsPage />);
    await screen.findByRole('table', { name: 'Accounts' });
    await user.click(within(rowOf('olivia')).getByRole('button', { name: 'Disable olivia' }));
    const confirm = await screen.findByRole('dialog', { name: 'Disable olivia?' });
    expect(changes).toEqual([]);
    await user.click(within(confirm).getByRole('button', { name: 'Disable olivia' }));
    await waitFor(() => expect(within(rowOf('olivia')).getByText('Disabled')).toBeInTheDocument());
    expect(changes).toEqual([{ method: 'PATCH', path: '/api/accounts/olivia', csrf: 'csrf-of-ada', body: { disabled: true } }]);
    expect(within(rowOf('olivia')).getByRole('button', { name: 'Enable olivia' })).toBeEnabled();
  });

  it('resets a password through its own dialog, checked against the password rule', async () => {
    const { changes } = accountsBff();
    const { user } = renderWithProviders(<AccountsPage />);
    await screen.findByRole('table', { name: 'Accounts' });
    await user.click(within(rowOf('olivia')).getByRole('button', { name: 'Reset password of olivia' }));
    const dialog = await screen.findByRole('dialog', { name: 'New password for olivia' });
    const field = within(dialog).getByLabelText(/^New password/);
    await user.type(field, 'too-short');
    await user.click(within(dialog).getByRole('button', { name: 'Set password' }));
    expect(await within(dialog).findByText('Password must be at least 12 characters.')).toBeInTheDocument();
    expect(changes).toEqual([]);
    await user.clear(field);
    await user.type(field, 'a-brand-new-password');
    await user.click(within(dialog).getByRole('button', { name: 'Set password' }));
    await waitFor(() =>
      expect(changes).toEqual([{ method: 'PATCH', path: '/api/accounts/olivia', csrf: 'csrf-of-ada', body: { password: 'a-brand-new-password' } }]),
    );
  });

  it('changes a role from the row', async () => {
    const { changes } = accountsBff();
    const { user } = renderWithProviders(<AccountsPage />);
    await screen.findByRole('table', { name: 'Accounts' });
    // Mantine's dropdown never becomes visible in jsdom (no layout); the keyboard path picks options the same way.
    await user.click(within(rowOf('olivia')).getByRole('combobox', { name: 'Role of olivia' }));
    await user.keyboard('{ArrowUp}{Enter}');
    await waitFor(() => expect(changes).toEqual([{ method: 'PATCH', path: '/api/accounts/olivia', csrf: 'csrf-of-ada', body: { role: 'viewer' } }]));
    await waitFor(() => expect(within(rowOf('olivia')).getByRole('combobox', { name: 'Role of olivia' })).toHaveValue('Viewer'));
  });

  it('tells a non-admin the page needs the admin role, and loads no accounts', async () => {
    const { fetchMock } = accountsBff(operatorSession);
    renderWithProviders(<AccountsPage />);
    expect(await screen.findByText('Managing accounts needs the admin role.')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Accounts' })).not.toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([input]) => String(input).includes('/api/accounts'))).toBe(false);
  });
});
