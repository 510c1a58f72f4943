/**
 * The demo admin (+919000000000) signed in through the API, the way an operator's script would: phone
 * OTP read from the dev outbox (/api/dev/outbox), then the second factor — an RFC 6238 TOTP computed
 * here with node:crypto. On a fresh data directory the admin has no authenticator yet, so the first
 * session enrols one (POST /api/auth/totp/enroll → secret) and the secret is remembered per server for
 * every later session of the run (journeys share one server). Shared by the provider-onboarding and
 * admin-console journeys; keep the exports stable.
 */
import { createHmac } from 'node:crypto';
import { ADMIN_PHONE, LOGIN_CODE } from './auth';

export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly body: string,
    what: string,
  ) {
    super(`${what} → ${status} ${code}: ${body.slice(0, 500)}`);
    this.name = 'AdminApiError';
  }
}

export interface AdminSession {
  /** The admin's access token with the second factor passed (send as `authorization: Bearer …`). */
  token: string;
  /**
   * Calls the API as the admin: `path` like '/admin/providers' or '/api/admin/providers'; a plain-object
   * `json` is sent as the JSON body. Resolves with the parsed JSON (undefined for 204); throws
   * AdminApiError with the status and the server's error code otherwise.
   */
  request<T = unknown>(path: string, init?: AdminRequestInit): Promise<T>;
}

export interface AdminRequestInit extends Omit<RequestInit, 'body'> {
  body?: RequestInit['body'];
  json?: unknown;
}

interface ServerState {
  secret: string | null;
  recoveryCodes: string[];
  usedSteps: Set<number>;
}
const servers = new Map<string, ServerState>();
const stateOf = (base: string): ServerState => {
  let s = servers.get(base);
  if (!s) {
    s = { secret: process.env.E2E_ADMIN_TOTP_SECRET ?? null, recoveryCodes: [], usedSteps: new Set() };
    servers.set(base, s);
  }
  return s;
};

// ---- RFC 6238 (TOTP) over RFC 4226 (HOTP): HMAC-SHA1, 6 digits, 30-second steps ----

function base32Decode(input: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = input.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The 6-digit code for a 30-second time step (step = floor(unix seconds / 30)). */
export function totpAtStep(secretBase32: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(binary).padStart(6, '0');
}

/** The current code for `secretBase32` (what an authenticator app shows now). */
export const totpNow = (secretBase32: string, at = Date.now()): string => totpAtStep(secretBase32, Math.floor(at / 30_000));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A code the server will accept once: the server takes the current step ±1 and each step only once, so
 * successive sign-ins in one run use different steps (waiting for the next step when all are used).
 */
async function freshTotp(base: string, secret: string): Promise<string> {
  const state = stateOf(base);
  for (;;) {
    const cur = Math.floor(Date.now() / 30_000);
    const step = [cur, cur + 1].find((s) => !state.usedSteps.has(s));
    if (step !== undefined) {
      state.usedSteps.add(step);
      return totpAtStep(secret, step);
    }
    await sleep(30_000 - (Date.now() % 30_000) + 200);
  }
}

/** The secret the demo admin's authenticator uses on this server, once known (enrolled in this run). */
export const adminTotpSecret = (base: string): string | null => stateOf(base).secret;

/** Tell the helpers the secret when a browser journey enrolled the admin through the UI. */
export function rememberAdminTotpSecret(base: string, secret: string): void {
  stateOf(base).secret = secret;
}

/** A one-time TOTP code for the demo admin on this server (for a browser journey's second-factor form). */
export async function adminTotpCode(base: string): Promise<string> {
  const secret = stateOf(base).secret;
  if (!secret) throw new Error('the demo admin has no known authenticator secret yet: call adminSession(base) first');
  return freshTotp(base, secret);
}

// ---- HTTP ----

async function call<T>(base: string, token: string | null, path: string, init: AdminRequestInit = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const h = new Headers(headers);
  h.set('accept', 'application/json');
  if (token) h.set('authorization', `Bearer ${token}`);
  let body = rest.body;
  if (json !== undefined) {
    h.set('content-type', 'application/json');
    body = JSON.stringify(json);
  }
  const url = `${base}${path.startsWith('/api/') ? path : `/api${path}`}`;
  const res = await fetch(url, { ...rest, method: rest.method ?? (body === undefined ? 'GET' : 'POST'), headers: h, body });
  const text = await res.text();
  if (!res.ok) {
    let code = 'HTTP_ERROR';
    try {
      code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? code;
    } catch {
      // not JSON
    }
    throw new AdminApiError(res.status, code, text, `${rest.method ?? 'GET'} ${path}`);
  }
  if (res.status === 204 || text === '') return undefined as T;
  return JSON.parse(text) as T;
}

interface OutboxItem {
  channel: string;
  body: string;
  createdAt: string;
}

/** The login code sent to `phone` at or after `since`, from the dev outbox (polled: SMS jobs are async). */
async function loginCodeSince(base: string, phone: string, since: number): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const { items } = await call<{ items: OutboxItem[] }>(base, null, `/dev/outbox?to=${encodeURIComponent(phone)}`);
    for (const item of items) {
      const code = LOGIN_CODE.exec(item.body)?.[1];
      if (code && Date.parse(item.createdAt) >= since - 2_000) return code;
    }
    await sleep(300);
  }
  throw new Error(`no login code for ${phone} in /api/dev/outbox within 30 s`);
}

interface TokenPair {
  accessToken: string;
  secondFactor: 'NONE' | 'TOTP_ENROL' | 'TOTP_VERIFY';
  user: { role: string };
}

/**
 * Signs the demo admin in through the API (OTP + TOTP, enrolling the authenticator on first use) and
 * returns a session whose token passes admin routes.
 */
export async function adminSession(base: string, phone = ADMIN_PHONE): Promise<AdminSession> {
  const state = stateOf(base);
  const since = Date.now();
  await call(base, null, '/auth/otp/request', { method: 'POST', json: { phone } });
  const code = await loginCodeSince(base, phone, since);
  const pair = await call<TokenPair>(base, null, '/auth/otp/verify', { method: 'POST', json: { phone, code } });
  if (pair.user.role !== 'ADMIN') throw new Error(`${phone} signed in as ${pair.user.role}, not ADMIN (ADMIN_PHONES?)`);
  let token = pair.accessToken;

  if (pair.secondFactor === 'TOTP_ENROL') {
    const enrol = await call<{ secret: string }>(base, token, '/auth/totp/enroll', { method: 'POST' });
    state.secret = enrol.secret;
  }
  if (pair.secondFactor !== 'NONE') {
    if (!state.secret) {
      throw new Error(
        'the demo admin already has an authenticator whose secret this run does not know: use a fresh data directory or set E2E_ADMIN_TOTP_SECRET',
      );
    }
    const verified = await call<{ accessToken: string; recoveryCodes?: string[] }>(base, token, '/auth/totp/verify', {
      method: 'POST',
      json: { code: await freshTotp(base, state.secret) },
    });
    token = verified.accessToken;
    if (verified.recoveryCodes) state.recoveryCodes = verified.recoveryCodes;
  }

  return {
    token,
    request: <T = unknown>(path: string, init?: AdminRequestInit) => call<T>(base, token, path, init),
  };
}
