/**
 * Object storage port. Keys are server-generated (`documents/<uuid>.jpg`); adapters refuse anything
 * else, so a key can never climb out of its bucket or upload directory.
 */
export interface ObjectStorage {
  readonly driver: 'local' | 's3';
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object's bytes, or null when it does not exist. */
  get(key: string): Promise<Buffer | null>;
  /** Idempotent: deleting a missing object succeeds. */
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*(\.[a-z0-9]{1,8})?$/;

/** Throws unless `key` is a plain server-made key (lowercase segments, one optional extension, no dots elsewhere). */
export function assertSafeKey(key: string): void {
  if (key.length > 200 || !KEY.test(key)) throw new Error('Invalid storage key');
}
