import { Button } from '@mantine/core';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render.tsx';
import { openWorld } from '../test/world.ts';
import { PermissionGate } from './permission-gate.tsx';

function Gated({ capability = 'operate' as const }: { capability?: 'operate' | 'administer' }) {
  return <PermissionGate capability={capability}>{({ controlProps }) => <Button {...controlProps}>Create cluster</Button>}</PermissionGate>;
}

describe('PermissionGate', () => {
  it('shows a viewer the control disabled but reachable, with the reason as its description, on hover and on keyboard focus', async () => {
    await openWorld({ role: 'viewer' });
    const { user } = renderWithProviders(<Gated />);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Create cluster' })).toBeEnabled());
    const button = screen.getByRole('button', { name: 'Create cluster' });
    const reason = 'Your role (Viewer) can view but not change resources. Ask an admin for the operator role.';
    expect(button).toHaveAttribute('aria-disabled', 'true');
    // Screen readers hear the reason with the control itself, without hovering anything.
    expect(button).toHaveAccessibleDescription(reason);

    await user.hover(button);
    await waitFor(() => expect(screen.getByRole('tooltip')).toHaveTextContent(reason));
    await user.unhover(button);
    await waitFor(() => expect(screen.queryByRole('tooltip')).not.toBeInTheDocument());

    // The control itself takes focus (aria-disabled, not disabled): keyboard users get the reason too.
    await user.tab();
    expect(button).toHaveFocus();
    expect(screen.getByRole('tooltip')).toHaveTextContent(reason);
  });

  it('leaves the control alone for a role that may use it', async () => {
    await openWorld({ role: 'operator' });
    const { user } = renderWithProviders(<Gated />);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Create cluster' })).not.toHaveAttribute('aria-disabled'));
    await user.hover(screen.getByRole('button', { name: 'Create cluster' }));
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  });

  it('names the admin role for account management', async () => {
    await openWorld({ role: 'operator' });
    const { user } = renderWithProviders(<Gated capability="administer" />);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Create cluster' })).toHaveAttribute('aria-disabled', 'true'));
    const button = screen.getByRole('button', { name: 'Create cluster' });
    await user.hover(button);
    await waitFor(() => expect(screen.getByRole('tooltip')).toHaveTextContent('Your role (Operator) cannot manage console accounts.'));
    expect(button).toHaveAccessibleDescription('Your role (Operator) cannot manage console accounts.');
  });

  it('lets an admin manage accounts', async () => {
    await openWorld({ role: 'admin' });
    renderWithProviders(<Gated capability="administer" />);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Create cluster' })).not.toHaveAttribute('aria-disabled'));
  });
});
