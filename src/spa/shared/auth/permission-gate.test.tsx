import { Button } from '@mantine/core';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../contract/console-api.ts';
import { installFakeBff, operatorSession } from '../test/fake-bff.ts';
import { renderWithProviders } from '../test/render.tsx';
import { PermissionGate } from './permission-gate.tsx';

const viewer: Session = { user: 'vic', role: 'viewer', csrfToken: 't-vic' };
const admin: Session = { user: 'ada', role: 'admin', csrfToken: 't-ada' };

function Gated({ capability = 'operate' as const }: { capability?: 'operate' | 'administer' }) {
  return <PermissionGate capability={capability}>{({ disabled }) => <Button disabled={disabled}>Create cluster</Button>}</PermissionGate>;
}

describe('PermissionGate', () => {
  it('shows a viewer the control disabled, with the reason on hover and on keyboard focus', async () => {
    installFakeBff({ session: viewer });
    const { user } = renderWithProviders(<Gated />);
    const button = await screen.findByRole('button', { name: 'Create cluster' });
    expect(button).toBeDisabled();
    const reason = 'Your role (Viewer) can view but not change resources. Ask an admin for the operator role.';

    await user.hover(button.parentElement!);
    await waitFor(() => expect(screen.getByRole('tooltip')).toHaveTextContent(reason));
    await user.unhover(button.parentElement!);
    await waitFor(() => expect(screen.queryByRole('tooltip')).not.toBeInTheDocument());

    // A disabled button cannot take focus, so the wrapper does: keyboard users get the reason too.
    await user.tab();
    expect(button.parentElement).toHaveFocus();
    expect(screen.getByRole('tooltip')).toHaveTextContent(reason);
    expect(button.parentElement).toHaveAccessibleDescription(reason);
  });

  it('leaves the control alone for a role that may use it', async () => {
    installFakeBff({ session: operatorSession });
    const { user } = renderWithProviders(<Gated />);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Create cluster' })).toBeEnabled());
    await user.hover(screen.getByRole('button', { name: 'Create cluster' }));
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  });

  it('names the admin role for account management', async () => {
    installFakeBff({ session: operatorSession });
    const { user } = renderWithProviders(<Gated capability="administer" />);
    const button = await screen.findByRole('button', { name: 'Create cluster' });
    expect(button).toBeDisabled();
    await user.hover(button.parentElement!);
    await waitFor(() => expect(screen.getByRole('tooltip')).toHaveTextContent('Your role (Operator) cannot manage console accounts.'));
    expect(button).toBeDisabled();
  });

  it('lets an admin manage accounts', async () => {
    installFakeBff({ session: admin });
    renderWithProviders(<Gated capability="administer" />);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Create cluster' })).toBeEnabled());
  });
});
