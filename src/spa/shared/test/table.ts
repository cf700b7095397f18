import { within } from '@testing-library/react';

/** The row of a table that shows this text as a whole in one of its elements (a name, a title). */
export function rowWithText(table: HTMLElement, text: string): HTMLElement {
  const row = within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryByText(text, { exact: true }));
  if (!row) throw new Error(`no row for ${text}`);
  return row;
}
