import { normalizeText } from '../../integrations/maps/gazetteer';
import { AppError } from '../../lib/errors';

/** Longest query we parse; anything longer is refused rather than truncated. */
export const MAX_QUERY_CHARS = 500;

/**
 * Cleans a customer's query: strips control characters and collapses space; refuses an over-long
 * query (400 QUERY_TOO_LONG) and, unless a category filter says what to look for, one with no letters
 * or digits at all (400 QUERY_EMPTY: empty, only spaces, only emoji or punctuation).
 */
export function cleanQuery(raw: string, opts: { hasCategoryFilter: boolean }): string {
  const text = raw
    .replace(/[\p{Cc}\u2028\u2029]/gu, ' ')
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  if ([...text].length > MAX_QUERY_CHARS) {
    throw new AppError('QUERY_TOO_LONG', `Keep the search under ${MAX_QUERY_CHARS} characters`, {
      status: 400,
      details: { maxChars: MAX_QUERY_CHARS },
    });
  }
  if (!opts.hasCategoryFilter && !/[\p{L}\p{N}]/u.test(normalizeText(text))) {
    throw new AppError('QUERY_EMPTY', 'Tell us what you need, e.g. "plumber" or "AC service kal subah"', { status: 400 });
  }
  return text;
}
