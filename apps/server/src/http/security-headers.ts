import type { FastifyInstance } from 'fastify';

/**
 * Security headers for JSON API responses (OWASP ASVS V14.4), computed once and set in one hook.
 * @fastify/helmet rebuilt its eleven headers on every request (the largest per-request cost of the
 * stack, see bench/results/health.md) and most of them (X-XSS-Protection, X-Download-Options,
 * X-DNS-Prefetch-Control, X-Permitted-Cross-Domain-Policies) only matter for HTML in old browsers.
 * No CSP here: API responses are JSON; the web app sets its own.
 */
export const securityHeaders: Readonly<Record<string, string>> = Object.freeze({
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-site',
});

/** Every response carries its request id (`x-request-id`, echoed or generated) and the headers above. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (req, reply, done) => {
    void reply.header('x-request-id', req.id);
    void reply.headers(securityHeaders);
    done();
  });
}
