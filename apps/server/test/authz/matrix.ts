/**
 * Route × role authorization matrix (DESIGN §8: no BOLA, every route checked for every kind of caller).
 *
 * How to use it for your feature (one test file, e.g. apps/server/test/bookings-matrix.test.ts):
 *
 *   let t: TestApp;
 *   beforeAll(async () => { t = await createTestApp(); });
 *   afterAll(async () => { await t?.close(); });
 *
 *   authzMatrix(() => t, [
 *     {
 *       name: 'read a booking',
 *       method: 'GET',
 *       // Called once per cell, so each cell gets fresh objects. `ctx.actors.customer` owns what you create here;
 *       // `otherCustomer`/`otherProvider` exist to prove they cannot touch it.
 *       url: async (ctx) => `/api/bookings/${(await createBooking(ctx.c, ctx.actors.customer, ctx.actors.provider)).id}`,
 *       expect: { ...signedIn, otherCustomer: 404, otherProvider: 404 },
 *     },
 *     { name: 'admin list', method: 'GET', url: '/api/admin/bookings', expect: adminOnly },
 *   ]);
 *
 * Roles (all created with the factories once per file): anonymous (no token), customer, otherCustomer,
 * provider, otherProvider (both APPROVED-less DRAFT providers from createUser), admin (passed TOTP),
 * adminNo2fa (admin whose session has not passed TOTP), banned (a BANNED customer with a still-valid token).
 * Expectations per cell: 'allow' (any 2xx), 401, 403, 404, or an exact status. Presets below: `publicRoute`,
 * `signedIn`, `customerOnly`, `providerOnly`, `adminOnly` — spread one and override cells.
 * Every cell is asserted; one test per route reports all mismatching cells together.
 * Bodies: `body` (value or per-cell function) is sent as JSON; the route must accept it for the allowed roles.
 */
import { expect, it } from 'vitest';
import type { Container } from '../../src/container';
import type { TestApp } from '../app';
import { createUser, type TestUser } from '../factories/index';

export const MATRIX_ROLES = [
  'anonymous',
  'customer',
  'otherCustomer',
  'provider',
  'otherProvider',
  'admin',
  'adminNo2fa',
  'banned',
] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];
export type CellExpectation = 'allow' | 401 | 403 | 404 | number;
export type MatrixExpectations = Record<MatrixRole, CellExpectation>;

export interface MatrixActors {
  customer: TestUser;
  otherCustomer: TestUser;
  provider: TestUser;
  otherProvider: TestUser;
  admin: TestUser;
  adminNo2fa: TestUser;
  banned: TestUser;
}

export interface MatrixContext {
  c: Container;
  /** The app under test, to create fixtures through the API as their owner would. */
  t: TestApp;
  actors: MatrixActors;
  /** The role this cell is played by. */
  as: MatrixRole;
}

type PerCell<T> = T | ((ctx: MatrixContext) => T | Promise<T>);

export interface MatrixRoute {
  name?: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: PerCell<string>;
  body?: PerCell<unknown>;
  expect: MatrixExpectations;
}

const all = (e: CellExpectation): MatrixExpectations => Object.fromEntries(MATRIX_ROLES.map((r) => [r, e])) as MatrixExpectations;

/** Anyone, signed in or not (a banned caller's bad token still gets through a public route). */
export const publicRoute: MatrixExpectations = all('allow');
/** Any signed-in, non-banned user; admins without 2FA included (they are still signed in). */
export const signedIn: MatrixExpectations = { ...all('allow'), anonymous: 401, banned: 403 };
export const customerOnly: MatrixExpectations = { ...signedIn, provider: 403, otherProvider: 403, admin: 403, adminNo2fa: 403 };
export const providerOnly: MatrixExpectations = { ...signedIn, customer: 403, otherCustomer: 403, admin: 403, adminNo2fa: 403 };
/** /api/admin/*: only an admin who passed TOTP. */
export const adminOnly: MatrixExpectations = { ...all(403), anonymous: 401, admin: 'allow' };

export async function createMatrixActors(c: Container): Promise<MatrixActors> {
  return {
    customer: await createUser(c, { role: 'CUSTOMER' }),
    otherCustomer: await createUser(c, { role: 'CUSTOMER' }),
    provider: await createUser(c, { role: 'PROVIDER' }),
    otherProvider: await createUser(c, { role: 'PROVIDER' }),
    admin: await createUser(c, { role: 'ADMIN', secondFactor: true }),
    adminNo2fa: await createUser(c, { role: 'ADMIN', secondFactor: false }),
    banned: await createUser(c, { role: 'CUSTOMER', status: 'BANNED' }),
  };
}

const resolve = async <T>(v: PerCell<T>, ctx: MatrixContext): Promise<T> =>
  typeof v === 'function' ? (v as (ctx: MatrixContext) => T | Promise<T>)(ctx) : v;

function matches(expected: CellExpectation, status: number): boolean {
  return expected === 'allow' ? status >= 200 && status < 300 : status === expected;
}

/** Plays every cell of one route; returns the cells that did not match (empty = pass). */
export async function checkRoute(t: TestApp, actors: MatrixActors, route: MatrixRoute) {
  const mismatches: { role: MatrixRole; expected: CellExpectation; got: number; body: string }[] = [];
  for (const as of MATRIX_ROLES) {
    const ctx: MatrixContext = { c: t.c, t, actors, as };
    const url = await resolve(route.url, ctx);
    const body = route.body === undefined ? undefined : await resolve(route.body, ctx);
    const headers = as === 'anonymous' ? {} : actors[as].headers;
    const res = await t.app.inject({
      method: route.method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const expected = route.expect[as];
    if (!matches(expected, res.statusCode))
      mismatches.push({ role: as, expected, got: res.statusCode, body: res.body.slice(0, 200) });
  }
  return mismatches;
}

/** Declares one vitest test per route. Actors are created once per file, on first use. */
export function authzMatrix(getApp: () => TestApp, routes: MatrixRoute[]): void {
  let actors: Promise<MatrixActors> | undefined;
  for (const route of routes) {
    const label = `${route.method} ${typeof route.url === 'string' ? route.url : (route.name ?? 'route')}${route.name && typeof route.url === 'string' ? ` (${route.name})` : ''}`;
    it(`authz matrix: ${label}`, async () => {
      const t = getApp();
      actors ??= createMatrixActors(t.c);
      expect(await checkRoute(t, await actors, route)).toEqual([]);
    });
  }
}
