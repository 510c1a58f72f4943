import { importPKCS8, SignJWT } from 'jose';
import type { PushSender } from './port';

export interface ServiceAccount {
  client_email: string;
  private_key: string;
  token_uri?: string;
}

const SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';

/**
 * FCM HTTP v1: POST {base}/v1/projects/{project}/messages:send with an OAuth2 access token obtained by
 * exchanging a service-account JWT (RS256, grant type jwt-bearer) at the account's token_uri. The token
 * is cached until a minute before it expires.
 */
export function createFcmPush(opts: {
  projectId: string;
  serviceAccount: ServiceAccount;
  baseUrl?: string;
  timeoutMs?: number;
}): PushSender {
  const base = (opts.baseUrl ?? 'https://fcm.googleapis.com').replace(/\/$/, '');
  const tokenUri = opts.serviceAccount.token_uri ?? 'https://oauth2.googleapis.com/token';
  const timeout = opts.timeoutMs ?? 10_000;
  let cached: { token: string; until: number } | null = null;

  async function accessToken(): Promise<string> {
    if (cached && cached.until > Date.now()) return cached.token;
    const key = await importPKCS8(opts.serviceAccount.private_key, 'RS256');
    const now = Math.floor(Date.now() / 1000);
    const assertion = await new SignJWT({ scope: SCOPE })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(opts.serviceAccount.client_email)
      .setSubject(opts.serviceAccount.client_email)
      .setAudience(tokenUri)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(key);
    const res = await fetch(tokenUri, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }),
      signal: AbortSignal.timeout(timeout),
    });
    if (!res.ok) throw new Error(`FCM token exchange answered ${res.status}`);
    const body = (await res.json()) as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new Error('FCM token exchange returned no access_token');
    cached = { token: body.access_token, until: Date.now() + ((body.expires_in ?? 3600) - 60) * 1000 };
    return cached.token;
  }

  return {
    async send(msg) {
      const token = await accessToken();
      const res = await fetch(`${base}/v1/projects/${encodeURIComponent(opts.projectId)}/messages:send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          message: { token: msg.token, notification: { title: msg.title, body: msg.body }, data: msg.data ?? {} },
        }),
        signal: AbortSignal.timeout(timeout),
      });
      const body = (await res.json().catch(() => ({}))) as {
        name?: string;
        error?: { status?: string; message?: string; details?: { errorCode?: string }[] };
      };
      if (res.ok && body.name) return { ok: true, id: body.name };
      if (res.status === 401) cached = null;
      const code = body.error?.details?.find((d) => d.errorCode)?.errorCode ?? body.error?.status;
      if (res.status === 404 || code === 'UNREGISTERED') return { ok: false, reason: 'UNREGISTERED', detail: code };
      return { ok: false, reason: 'FAILED', detail: `${res.status} ${code ?? ''}`.trim() };
    },
  };
}
