import { MantineProvider } from '@mantine/core';
import { screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { openWorld } from '../../shared/test/world.ts';
import { FreeEipPicker } from './eip-picker.tsx';

/** The picker as a form holds it: the id it hands over is shown, as the bind dialog's ID field does. */
function Holder() {
  const [id, setId] = useState('');
  return (
    <MantineProvider env="test">
      <FreeEipPicker value={id} onPick={setId} />
      <output aria-label="picked id">{id}</output>
    </MantineProvider>
  );
}

describe('FreeEipPicker', () => {
  it('offers the free elastic IPs by address with their bandwidth, never a bound one, and hands over the id of the one chosen', async () => {
    const world = await openWorld({ role: 'viewer' });
    // The demo project's first EIP is bound to prod-payments; the others are free.
    const [bound, ...free] = world.demo.eips;
    const { user } = renderWithProviders(<Holder />);
    const picker = await screen.findByRole('combobox', { name: 'Free elastic IP' });
    await screen.findByPlaceholderText('Choose an address');
    await user.click(picker);
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toHaveLength(free.length);
    expect(options).toContain('203.0.113.57 — 10 Mbit/s, dedicated bandwidth');
    expect(options).toContain('198.51.100.9 — 20 Mbit/s, shared bandwidth');
    expect(options.some((o) => o?.startsWith(`${bound!.address} `))).toBe(false);
    expect(world.sent.map((r) => `${r.method} ${r.path}`)).toContainEqual(expect.stringMatching(/^GET \/api\/vpc\/v1\/[0-9a-f]{32}\/publicips$/));

    await user.click(screen.getByRole('option', { name: /^198\.51\.100\.9 / }));
    expect(screen.getByLabelText('picked id')).toHaveTextContent(free.find((e) => e.address === '198.51.100.9')!.id);
  }, 60_000);
});
