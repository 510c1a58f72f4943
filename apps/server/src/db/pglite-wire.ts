/** What crosses between the server thread and the PGlite worker (structured-clone data only). */

/** Query options as data: drizzle's parsers all keep the text as it is, so they travel as type oids. */
export interface WireQueryOptions {
  rowMode?: 'array' | 'object';
  identityTypes?: number[];
}

export type Request =
  | { op: 'ready' }
  | { op: 'query'; text: string; params?: unknown[]; options?: WireQueryOptions; tx?: number }
  | { op: 'exec'; text: string; tx?: number }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'listen'; channel: string }
  | { op: 'unlisten'; channel: string }
  | { op: 'refreshArrayTypes' }
  | { op: 'close' };

export interface WireError {
  message: string;
  fields: Record<string, string | number>;
}

export type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: WireError };

/** A PostgreSQL error as data: its message and the fields callers test (code, constraint, detail …). */
export function serializeError(err: unknown): WireError {
  const e = err as Record<string, unknown> | null;
  const fields: Record<string, string | number> = {};
  if (e && typeof e === 'object') {
    for (const [key, value] of Object.entries(e)) {
      if (key !== 'query' && key !== 'params' && (typeof value === 'string' || typeof value === 'number')) fields[key] = value;
    }
  }
  return { message: err instanceof Error ? err.message : String(err), fields };
}

/** The error again on this side, with the same fields (so `code === '23505'` checks keep working). */
export function deserializeError(wire: WireError): Error {
  return Object.assign(new Error(wire.message), wire.fields);
}
