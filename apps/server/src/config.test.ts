import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('configuration', () => {
  it('starts with no environment at all: embedded defaults for one machine', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, DATA_DIR: './data', ROLES: ['api', 'realtime', 'worker'], SEED_DEMO_DATA: true });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.REDIS_URL).toBeUndefined();
    expect(c.isProduction).toBe(false);
    expect(c.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('lists every bad key in one message, not just the first', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', ROLES: 'api,cook', LOG_LEVEL: 'loud', DATABASE_URL: 'not a url', BODY_LIMIT_BYTES: '-5' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^Invalid configuration:/);
    for (const key of ['PORT', 'ROLES', 'LOG_LEVEL', 'DATABASE_URL', 'BODY_LIMIT_BYTES']) expect(message).toContain(`- ${key}`);
  });

  it('parses roles, booleans and lists from their text form, ignoring empty values', () => {
    const c = loadConfig({
      ROLES: ' worker , api ',
      SEED_DEMO_DATA: 'no',
      CORS_ORIGINS: 'https://a.in,https://b.in',
      REDIS_URL: '',
    });
    expect(c.ROLES).toEqual(['worker', 'api']);
    expect(c.SEED_DEMO_DATA).toBe(false);
    expect(c.CORS_ORIGINS).toEqual(['https://a.in', 'https://b.in']);
    expect(c.REDIS_URL).toBeUndefined();
  });

  it('refuses to run in production without a real JWT secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    const c = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(c.isProduction).toBe(true);
    expect(c.jwtSecret).toBe('x'.repeat(40));
  });
});
