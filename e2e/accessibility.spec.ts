import type { Locator, Page } from '@playwright/test';
import { DEMO_SEED } from '../src/simulator/seed.ts';
import { expectNoSeriousA11yViolations } from './a11y.ts';
import { demoAccount, expect, signInAs, test } from './fixtures.ts';

/**
 * Every page and dialog of the console, scanned with axe in both colour schemes and both languages:
 * no serious or critical violation anywhere (see a11y.ts). Journeys of later pages call
 * `expectNoSeriousA11yViolations` themselves; this one walks what exists.
 */

type Lang = 'en' | 'zh-CN';
type Scheme = 'light' | 'dark';

/** Labels the walk clicks, as each language says them. */
const L = {
  en: {
    signIn: 'Sign in',
    username: 'Username',
    password: 'Password',
    accessTab: 'Access',
    tagsTab: 'Tags',
    jobsTab: 'Jobs',
    editTab: 'Edit',
    bind: 'Bind EIP',
    unbind: 'Unbind EIP',
    actionsFor: (name: string) => `Actions for ${name}`,
    deleteItem: 'Delete cluster…',
    next: 'Next',
    createAccount: 'Create account',
    resetPassword: (u: string) => `Reset password of ${u}`,
    disable: (u: string) => `Disable ${u}`,
  },
  'zh-CN': {
    signIn: '登录',
    username: '用户名',
    password: '密码',
    accessTab: '访问',
    tagsTab: '标签',
    jobsTab: '任务',
    editTab: '编辑',
    bind: '绑定 EIP',
    unbind: '解绑 EIP',
    actionsFor: (name: string) => `${name} 的操作`,
    deleteItem: '删除集群…',
    next: '下一步',
    createAccount: '创建账号',
    resetPassword: (u: string) => `重置 ${u} 的密码`,
    disable: (u: string) => `停用 ${u}`,
  },
} as const;

/** The operator's choice of scheme and language, as the console stores them, before any page loads. */
async function prefer(page: Page, scheme: Scheme, lang: Lang) {
  await page.emulateMedia({ colorScheme: scheme });
  // Set in the page before the console's script reads them (a string: the journeys have no DOM types).
  await page.addInitScript(`localStorage.setItem('mantine-color-scheme-value', '${scheme}'); localStorage.setItem('cce-console.language', '${lang}');`);
}

/** Opens a page and waits for its heading and, when given, for what shows its data has arrived. */
async function visit(page: Page, path: string, ready?: (page: Page) => Locator) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  if (ready) await expect(ready(page).first()).toBeVisible();
}

const firstRow = (page: Page) => page.getByRole('table').getByRole('row').nth(1);

/** Opens a dialog with `open`, scans the page with it, closes it with Escape. */
async function scanDialog(page: Page, what: string, open: () => Promise<void>) {
  await open();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expectNoSeriousA11yViolations(page, what);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

const payments = DEMO_SEED.clusters['prod-payments'];
const search = DEMO_SEED.clusters['prod-search'];
const sandbox = DEMO_SEED.clusters['dev-sandbox'];

for (const lang of ['en', 'zh-CN'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    const l = L[lang];
    test.describe(`${lang}, ${scheme} scheme`, () => {
      test('the sign-in page, empty and refusing a wrong password', async ({ signedOutPage: page }) => {
        await prefer(page, scheme, lang);
        await visit(page, '/sign-in');
        await expectNoSeriousA11yViolations(page, 'sign-in page');
        await page.getByRole('textbox', { name: l.username }).fill('viewer');
        await page.getByRole('textbox', { name: l.password }).fill('not-the-password');
        await page.getByRole('button', { name: l.signIn, exact: true }).click();
        await expect(page.getByRole('alert')).toBeVisible();
        await expectNoSeriousA11yViolations(page, 'sign-in page with an error');
      });

      test("an operator's cluster list, delete dialog and create wizard", async ({ page }) => {
        await prefer(page, scheme, lang);
        await test.step('cluster list', async () => {
          await visit(page, '/clusters', firstRow);
          await expectNoSeriousA11yViolations(page, 'cluster list');
          await page.getByRole('button', { name: l.actionsFor('prod-search') }).click();
          await expect(page.getByRole('menu')).toBeVisible();
          await expectNoSeriousA11yViolations(page, 'row actions menu');
          await scanDialog(page, 'delete dialog', () => page.getByRole('menuitem', { name: l.deleteItem }).click());
        });
        await test.step('create wizard, first step empty and with errors', async () => {
          await visit(page, '/clusters/new');
          await expectNoSeriousA11yViolations(page, 'create wizard');
          await page.getByRole('button', { name: l.next }).click();
          await expect(page.getByRole('textbox').first()).toHaveAttribute('aria-invalid', 'true');
          await expectNoSeriousA11yViolations(page, 'create wizard with errors');
        });
      });

      test("an operator's cluster detail, every tab, with the EIP dialogs", async ({ page }) => {
        await prefer(page, scheme, lang);
        await visit(page, `/clusters/${payments}`, (p) => p.getByRole('group'));
        await expectNoSeriousA11yViolations(page, 'cluster overview');
        await page.getByRole('tab', { name: l.accessTab }).click();
        await expect(page.getByRole('button', { name: l.unbind })).toBeVisible();
        await expectNoSeriousA11yViolations(page, 'access tab');
        await scanDialog(page, 'unbind dialog', () => page.getByRole('button', { name: l.unbind }).click());
        for (const [tab, ready] of [
          [l.tagsTab, firstRow],
          [l.jobsTab, (p: Page) => p.getByRole('tabpanel').getByText(/./)],
          [l.editTab, (p: Page) => p.getByRole('textbox')],
        ] as const) {
          await page.getByRole('tab', { name: tab }).click();
          await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
          await expect(ready(page).first()).toBeVisible();
          await expectNoSeriousA11yViolations(page, `${tab} tab`);
        }
        await visit(page, `/clusters/${search}?tab=access`, (p) => p.getByRole('button', { name: l.bind }));
        await scanDialog(page, 'bind dialog', () => page.getByRole('button', { name: l.bind }).click());
      });

      test("an operator's quotas, audit, add-ons and not-found pages", async ({ page }) => {
        await prefer(page, scheme, lang);
        for (const [path, ready] of [
          ['/quotas', (p: Page) => p.getByRole('progressbar')],
          ['/audit', firstRow],
          ['/addons', undefined],
          ['/no-such-page', undefined],
        ] as const) {
          await visit(page, path, ready);
          await expectNoSeriousA11yViolations(page, path);
        }
      });

      const table = (p: Page) => p.getByRole('table');
      const walks = {
        "an operator's add-ons tab, add-ons page, upgrade fleet and wizard target": [
          ["a cluster's add-ons tab", `/clusters/${payments}?tab=addons`, firstRow],
          ['the add-ons page for a chosen cluster', `/addons?cluster=${payments}`, firstRow],
          ['the upgrade fleet view', '/upgrades', firstRow],
          ["the upgrade wizard's target step", `/upgrades/${sandbox}`, (p: Page) => p.getByRole('radio')],
        ],
        "an operator's expired pre-check, upgrade history, charts and releases": [
          ["the upgrade wizard's pre-check step, expired", `/upgrades/${payments}`, (p: Page) => p.getByRole('tabpanel').getByRole('region')],
          ['the upgrade history', `/upgrades/${payments}?tab=history`, table],
          ['the chart list', '/charts', table],
          ["a cluster's releases", `/releases/${payments}`, table],
        ],
      } as const;
      for (const [title, pages] of Object.entries(walks)) {
        test(title, async ({ page }) => {
          await prefer(page, scheme, lang);
          for (const [what, path, ready] of pages) {
            await visit(page, path, ready);
            await expectNoSeriousA11yViolations(page, what);
          }
        });
      }

      test("a viewer's cluster list with what they may not do", async ({ signedOutPage: page }) => {
        await prefer(page, scheme, lang);
        await signInAs(page, 'viewer');
        await visit(page, '/clusters', firstRow);
        await expectNoSeriousA11yViolations(page, 'viewer cluster list');
        await page.getByRole('button', { name: l.actionsFor('prod-search') }).click();
        await expect(page.getByRole('menu')).toBeVisible();
        await expectNoSeriousA11yViolations(page, "viewer's row actions menu, with the reason for what is disabled");
        await page.keyboard.press('Escape');
        await visit(page, `/clusters/${payments}?tab=edit`, (p) => p.getByRole('textbox'));
        await expectNoSeriousA11yViolations(page, 'viewer edit tab');
      });

      test("an admin's accounts page and its dialogs", async ({ signedOutPage: page }) => {
        await prefer(page, scheme, lang);
        await signInAs(page, 'admin');
        await visit(page, '/accounts', firstRow);
        await expectNoSeriousA11yViolations(page, 'accounts page');
        const viewer = demoAccount('viewer').username;
        await scanDialog(page, 'create account dialog', () => page.getByRole('button', { name: l.createAccount }).click());
        await scanDialog(page, 'reset password dialog', () => page.getByRole('button', { name: l.resetPassword(viewer) }).click());
        await scanDialog(page, 'disable account dialog', () => page.getByRole('button', { name: l.disable(viewer) }).click());
      });
    });
  }
}
