import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { openWorld, type TestWorld } from '../../shared/test/world.ts';
import { AccountsPage } from './accounts-page.tsx';

/** The world's clock at its start: every test account was created then. */
const WORLD_START = '2025-03-10T08:00:00.000Z';

/** The changes the page sent (method, path, CSRF token, body), in order. */
function changes(world: TestWorld) {
  return world.sent
    .filter((r) => r.method !== 'GET')
    .map((r) => ({ method: r.method, path: r.path, csrf: r.headers.get('x-csrf-token'), body: r.body ?? null }));
}

/** An admin's world: the page as `root-admin` sees it, with an operator (`ops-operator`) and a viewer beside. */
async function adminWorld() {
  const world = await openWorld({ role: null });
  const { csrfToken } = await world.signIn('admin');
  world.sent.length = 0;
  return { world, csrfToken, admin: world.user('admin').username, operator: world.user('operator').username };
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
    const { world, csrfToken, admin, operator } = await adminWorld();
    // Someone guesses the operator's password: after five wrong ones the BFF throttles the account.
    await world.failSignIns('operator', 5);
    const { user } = renderWithProviders(<AccountsPage />);
    await screen.findByRole('table', { name: 'Accounts' });
    expect(within(rowOf(admin)).queryByRole('button', { name: /Unlock sign-in/ })).toBeNull();
    expect(within(rowOf(operator)).getByText('Sign-in throttled')).toBeInTheDocument();
    await user.click(within(rowOf(operator)).getByRole('button', { name: `Unlock sign-in of ${operator}` }));
    await waitFor(() => expect(within(rowOf(operator)).queryByText('Sign-in throttled')).toBeNull());
    expect(changes(world)).toEqual([{ method: 'POST', path: `/api/accounts/${operator}/unlock`, csrf: csrfToken, body: null }]);
    // Lifted for real: the owner signs in with the right password at once.
    await world.signIn('operator');
  });

  it('lists the accounts with role, status and dates, and keeps an admin from locking themselves out', async () => {
    const { admin, operator } = await adminWorld();
    const { user } = renderWithProviders(<AccountsPage />);
    await screen.findByRole('table', { name: 'Accounts' });
    const own = rowOf(admin);
    expect(within(own).getByText('You')).toBeInTheDocument();
    expect(within(own).getByRole('combobox', { name: `Role of ${admin}` })).toBeDisabled();
    expect(within(own).getByRole('button', { name: `Disable ${admin}` })).toBeDisabled();
    await user.hover(within(own).getByRole('button', { name: `Disable ${admin}` }).parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('You cannot disable your own account or change its role: ask another admin.');
    // Resetting one's own password is not a lockout.
    expect(within(own).getByRole('button', { name: `Reset password of ${admin}` })).toBeEnabled();

    const other = rowOf(operator);
    expect(within(other).getByRole('combobox', { name: `Role of ${operator}` })).toHaveValue('Operator');
    expect(within(other).getByRole('button', { name: `Disable ${operator}` })).toBeEnabled();
    expect(within(other).getByText('Active')).toBeInTheDocument();
    expect(within(other).getAllByRole('time')[0]).toHaveAttribute('title', WORLD_START);
  });

  it('checks a new account against the contract before sending anything', async () => {
    const { world } = await adminWorld();
    const { user } = renderWithProviders(<AccountsPage />);
    await user.click(await screen.findByRole('button', { name: 'Create account' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an account' });
    await user.type(within(dialog).getByRole('textbox', { name: /Username/ }), 'Bob Smith');
    await user.type(within(dialog).getByLabelText(/^Password/), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Create account' }));
    expect(await within(dialog).findByText('Username: lowercase letters, digits, dots, hyphens and underscores, starting with a letter.')).toBeInTheDocument();
    expect(within(dialog).getByText('Password must be at least 12 characters.')).toBeInTheDocument();
    expect(changes(world)).toEqual([]);
  });

  it('creates an account with the CSRF token, and shows it in the list', async () => {
    const { world, csrfToken } = await adminWorld();
    const { user } = renderWithProviders(<AccountsPage />);
    await user.click(await screen.findByRole('button', { name: 'Create account' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an account' });
    await user.type(within(dialog).getByRole('textbox', { name: /Username/ }), 'bob');
    await user.type(within(dialog).getByLabelText(/^Password/), 'correct-horse-battery');
    await user.click(within(dialog).getByRole('button', { name: 'Create account' }));

    expect((await world.answered('POST', '/api/accounts')).status).toBe(201);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Create an account' })).not.toBeInTheDocument());
    expect(changes(world)).toEqual([
      { method: 'POST', path: '/api/accounts', csrf: csrfToken, body: { username: 'bob', password: 'correct-horse-battery', role: 'operator' } },
    ]);
    expect(await within(rowOf('bob')).findByRole('combobox', { name: 'Role of bob' })).toHaveValue('Operator');
  });

  it("puts the server's refusals on the form, each on its field: the password rule, an existing name", async () => {
    const { world, operator } = await adminWorld();
    const { user } = renderWithProviders(<AccountsPage />);
    await user.click(await screen.findByRole('button', { name: 'Create account' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an account' });
    const username = within(dialog).getByRole('textbox', { name: /Username/ });
    const password = within(dialog).getByLabelText(/^Password/);
    await user.type(username, 'carol');
    await user.type(password, 'carol-password-1');
    await user.click(within(dialog).getByRole('button', { name: 'Create account' }));
    expect((await world.answered('POST', '/api/accounts')).status).toBe(400);
    expect(await within(dialog).findByText('Password must not contain the username.')).toBeInTheDocument();
    expect(password).toHaveAccessibleDescription(/must not contain the username/);

    await user.clear(username);
    await user.type(username, operator);
    await user.clear(password);
    await user.type(password, 'a-long-enough-password');
    const since = world.sent.length;
    await user.click(within(dialog).getByRole('button', { name: 'Create account' }));
    expect((await world.answered('POST', '/api/accounts', since)).status).toBe(409);
    expect(await within(dialog).findByText('This username is taken.')).toBeInTheDocument();
    expect(username).toHaveAccessibleDescription('This username is taken.');
  });

  it('disables an account only after confirmation', async () => {
    const { world, csrfToken, operator } = await adminWorld();
    const { user } = renderWithProviders(<AccountsPage />);
    await screen.findByRole('table', { name: 'Accounts' });
    await user.click(within(rowOf(operator)).getByRole('button', { name: `Disable ${operator}` }));
    const confirm = await screen.findByRole('dialog', { name: `Disable ${operator}?` });
    expect(changes(world)).toEqual([]);
    await user.click(within(confirm).getByRole('button', { name: `Disable ${operator}` }));
    await waitFor(() => expect(within(rowOf(operator)).getByText('Disabled')).toBeInTheDocument());
    expect(changes(world)).toEqual([{ method: 'PATCH', path: `/api/accounts/${operator}`, csrf: csrfToken, body: { disabled: true } }]);
    expect(within(rowOf(operator)).getByRole('button', { name: `Enable ${operator}` })).toBeEnabled();
  });

  it('resets a password through its own dialog, checked against the password rule', async () => {
    const { world, csrfToken, operator } = await adminWorld();
    const { user } = renderWithProviders(<AccountsPage />);
    await screen.findByRole('table', { name: 'Accounts' });
    await user.click(within(rowOf(operator)).getByRole('button', { name: `Reset password of ${operator}` }));
    const dialog = await screen.findByRole('dialog', { name: `New password for ${operator}` });
    const field = within(dialog).getByLabelText(/^New password/);
    await user.type(field, 'too-short');
    await user.click(within(dialog).getByRole('button', { name: 'Set password' }));
    expect(await within(dialog).findByText('Password must be at least 12 characters.')).toBeInTheDocument();
    expect(changes(world)).toEqual([]);
    await user.clear(field);
    await user.type(field, 'a-brand-new-password');
    await user.click(within(dialog).getByRole('button', { name: 'Set password' }));
    // The BFF took the new password (it checks the same rule).
    expect((await world.answered('PATCH', `/api/accounts/${operator}`)).status).toBe(200);
    expect(changes(world)).toEqual([{ method: 'PATCH', path: `/api/accounts/${operator}`, csrf: csrfToken, body: { password: 'a-brand-new-password' } }]);
  });

  it('changes a role from the row', async () => {
    const { world, csrfToken, operator } = await adminWorld();
    const { user } = renderWithProviders(<AccountsPage />);
    await screen.findByRole('table', { name: 'Accounts' });
    // Mantine's dropdown never becomes visible in jsdom (no layout); the keyboard path picks options the same way.
    await user.click(within(rowOf(operator)).getByRole('combobox', { name: `Role of ${operator}` }));
    await user.keyboard('{ArrowUp}{Enter}');
    await waitFor(() => expect(changes(world)).toEqual([{ method: 'PATCH', path: `/api/accounts/${operator}`, csrf: csrfToken, body: { role: 'viewer' } }]));
    await waitFor(() => expect(within(rowOf(operator)).getByRole('combobox', { name: `Role of ${operator}` })).toHaveValue('Viewer'));
  });

  it('tells a non-admin the page needs the admin role, and loads no accounts', async () => {
    const world = await openWorld({ role: 'operator' });
    renderWithProviders(<AccountsPage />);
    expect(await screen.findByText('Managing accounts needs the admin role.')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Accounts' })).not.toBeInTheDocument();
    expect(world.sent.some((r) => r.path.startsWith('/api/accounts'))).toBe(false);
  });
});
