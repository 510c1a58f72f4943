import { AppError } from '../../lib/errors';

/** Opaque page cursor: the search it continues and how many results were already shown. */
export interface SearchCursor {
  searchId: string;
  offset: number;
}

export const invalidCursor = () => new AppError('INVALID_CURSOR', 'This page link is not valid; search again', { status: 400 });

export function encodeCursor(c: SearchCursor): string {
  return Buffer.from(JSON.stringify({ s: c.searchId, o: c.offset })).toString('base64url');
}

export function decodeCursor(cursor: string): SearchCursor {
  try {
    const raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown; o?: unknown };
    if (
      typeof raw.s === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw.s) &&
      Number.isInteger(raw.o) &&
      (raw.o as number) > 0 &&
      (raw.o as number) <= 1000
    ) {
      return { searchId: raw.s, offset: raw.o as number };
    }
  } catch {
    // fall through
  }
  throw invalidCursor();
}
