/**
 * The accessibility check every journey uses: `await expectNoSeriousA11yViolations(page, 'what is shown')`
 * runs axe-core over the whole page as it is now (an open dialog, menu or notification included) and
 * fails on any violation of WCAG 2.0/2.1 A and AA, or axe's best practices, whose impact is serious
 * or critical, plus the landmark rules the console once broke (a page without `main`, a second
 * `banner`). The failure lists each rule, its help text and the elements it found, so it can be fixed
 * from the report alone.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);
/** Moderate in axe's scale, but each one loses a screen-reader user their way around the page. */
const ALWAYS_FAILING_RULES = new Set(['landmark-one-main', 'landmark-no-duplicate-banner', 'landmark-no-duplicate-main', 'page-has-heading-one']);

/**
 * Waits until no CSS transition or animation is running: a dialog fading in has its text at partial
 * opacity, which axe would measure as low contrast.
 */
async function settled(page: Page): Promise<void> {
  // A string, evaluated in the page: the journeys' TypeScript project has no DOM types.
  const running = `document.getAnimations().filter((a) => a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity)).length`;
  await expect.poll(() => page.evaluate(running), { message: 'animations to finish before the accessibility scan' }).toBe(0);
}

export interface A11yScanOptions {
  /**
   * Selectors of parts left out of the scan, each with the reason where it is passed. The CodeMirror
   * scroller of the shared YAML editor (`.cm-scroller`) is reported as a scrollable region without
   * keyboard access although its content is the focusable part.
   */
  exclude?: readonly string[];
}

export async function expectNoSeriousA11yViolations(page: Page, what = page.url(), options: A11yScanOptions = {}): Promise<void> {
  await settled(page);
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const failing = results.violations
    .filter((v) => FAILING_IMPACTS.has(v.impact ?? '') || ALWAYS_FAILING_RULES.has(v.id))
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''}`),
      more: Math.max(0, v.nodes.length - 5),
    }));
  expect(failing, `serious or critical accessibility violations: ${what}`).toEqual([]);
}
