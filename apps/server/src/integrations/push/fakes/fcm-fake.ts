import type { KeyObject } from 'node:crypto';
import { importSPKI, jwtVerify } from 'jose';
import { sendJson, startFakeServer } from '../../../../test/fakes/http';

/**
 * Google's OAuth2 token endpoint and FCM HTTP v1 on one local port.
 * POST /token (grant_type=jwt-bearer, assertion = RS256 JWT signed with the service account key, aud = this
 * URL) → { access_token, expires_in, token_type }. POST /v1/projects/{p}/messages:send with the bearer →
 * { name }; a token starting "stale-" answers 404 UNREGISTERED like FCM does for an uninstalled app.
 */
export async function startFcmFake(opts: { projectId: string; clientEmail: string; publicKeyPem: string | KeyObject }) {
  const sent: { token: string; title: string; body: string; data: Record<string, string> }[] = [];
  let tokensIssued = 0;
  const issued = new Set<string>();
  const key = typeof opts.publicKeyPem === 'string' ? await importSPKI(opts.publicKeyPem, 'RS256') : opts.publicKeyPem;
  let selfUrl = '';
  const fake = await startFakeServer(async (req, body, res) => {
    if (req.method === 'POST' && req.url === '/token') {
      const form = new URLSearchParams(body.toString());
      if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer')
        return sendJson(res, 400, { error: 'unsupported_grant_type' });
      try {
        const { payload } = await jwtVerify(form.get('assertion') ?? '', key, {
          audience: `${selfUrl}/token`,
          issuer: opts.clientEmail,
        });
        if (payload.scope !== 'https://www.googleapis.com/auth/firebase.messaging') throw new Error('scope');
      } catch {
        return sendJson(res, 400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
      }
      const token = `ya29.fake-${++tokensIssued}`;
      issued.add(token);
      return sendJson(res, 200, { access_token: token, expires_in: 3599, token_type: 'Bearer' });
    }
    const m = /^\/v1\/projects\/([^/]+)\/messages:send$/.exec(req.url ?? '');
    if (req.method === 'POST' && m) {
      const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      if (!issued.has(bearer))
        return sendJson(res, 401, {
          error: { code: 401, status: 'UNAUTHENTICATED', message: 'Request had invalid authentication credentials.' },
        });
      if (m[1] !== opts.projectId)
        return sendJson(res, 403, { error: { code: 403, status: 'PERMISSION_DENIED', message: 'wrong project' } });
      const { message } = JSON.parse(body.toString()) as {
        message: { token: string; notification: { title: string; body: string }; data?: Record<string, string> };
      };
      if (message.token.startsWith('stale-')) {
        return sendJson(res, 404, {
          error: {
            code: 404,
            status: 'NOT_FOUND',
            message: 'Requested entity was not found.',
            details: [{ '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode: 'UNREGISTERED' }],
          },
        });
      }
      sent.push({
        token: message.token,
        title: message.notification.title,
        body: message.notification.body,
        data: message.data ?? {},
      });
      return sendJson(res, 200, { name: `projects/${opts.projectId}/messages/${sent.length}` });
    }
    sendJson(res, 404, { error: { code: 404, message: 'Not Found' } });
  });
  selfUrl = fake.url;
  return { ...fake, sent, tokensIssued: () => tokensIssued };
}
