import { expect, type Locator, type Page } from '@playwright/test';

/** The cluster list as an operator sees it: a heading, a table named "Clusters", one row per cluster. */
export class ClustersPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: /clusters|集群/i });
  }

  async open() {
    await this.page.goto('/clusters');
    await expect(this.table).toBeVisible();
  }

  row(clusterName: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByText(clusterName, { exact: true }) });
  }

  /** The status badge of a cluster's row: a focusable element named by the phase label. */
  status(clusterName: string, label: string | RegExp): Locator {
    return this.row(clusterName).getByText(label, { exact: typeof label === 'string' });
  }
}
