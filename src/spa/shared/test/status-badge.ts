import { within } from '@testing-library/react';

/** The status badge (the focusable element) whose text is `label`, the Mantine colour it is drawn in, and whether it spins. */
export function statusBadge(scope: HTMLElement, label: string) {
  const element = within(scope).getByText(label, { exact: true }).closest<HTMLElement>('[tabindex="0"]');
  if (!element) throw new Error(`"${label}" is not a focusable badge`);
  const colour = /--mantine-color-(\w+)-/.exec(element.style.getPropertyValue('--badge-color'))?.[1];
  return { element, colour, spinning: element.querySelector('.mantine-Loader-root') !== null };
}
