import { expect, type Page } from '@playwright/test';

/** The sign-in page as an operator sees it: two labelled fields and a button. */
export class SignInPage {
  constructor(readonly page: Page) {}

  async expectShown() {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Sign in to the CCE Autopilot console' })).toBeVisible();
  }

  async signIn(username: string, password: string) {
    await this.page.getByRole('textbox', { name: 'Username' }).fill(username);
    await this.page.getByRole('textbox', { name: 'Password' }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  async signOut() {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await this.expectShown();
  }
}
