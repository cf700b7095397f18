/**
 * The one place journeys get `test` and `expect` from, so that cross-cutting set-up (signing in as
 * an operator once sessions exist) is added here and nowhere else.
 */
export { expect, test } from '@playwright/test';
