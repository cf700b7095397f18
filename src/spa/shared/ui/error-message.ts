import { ApiError, SPA_ERROR_CODES } from '../api/api-error.ts';
import type { Translator } from '../i18n/i18n.ts';
import '../i18n/shared-messages.ts';

/**
 * The sentence to show for an error. Failures the SPA detected itself get a translated sentence; a
 * message from the BFF or the cloud is shown as written, because its wording is what support and the
 * API reference use.
 */
export function describeError(error: unknown, t: Translator['t']): string {
  if (error instanceof ApiError) {
    if (error.code === SPA_ERROR_CODES.network) return t('error.network');
    if (error.code === SPA_ERROR_CODES.badResponse) return t('error.badResponse');
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
