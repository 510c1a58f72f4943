import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/**
 * Security headers for JSON API responses, as the OWASP REST Security Cheat Sheet lists them for APIs:
 * no MIME sniffing, no framing (drag-and-drop clickjacking), no cross-site embedding of responses. They
 * are computed once and set in one hook (@fastify/helmet rebuilt its eleven headers per request, the
 * largest per-request cost of the stack, see bench/results/health.md). No CSP: responses are JSON.
 */
export const apiSecurityHeaders: Readonly<Record<string, string>> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-site',
});

/**
 * HSTS only on responses that travelled over HTTPS (directly, or per X-Forwarded-Proto behind the trusted
 * proxy in production): RFC 6797 §7.2 forbids it on plain HTTP, where browsers ignore it anyway (§8.1).
 */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Headers that only mean something on HTML documents (they govern what a page may do), so they go on the
 * one HTML surface the API serves, the browsable docs at /api/docs; the web app sets its own.
 */
export const documentSecurityHeaders: Readonly<Record<string, string>> = Object.freeze({
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
});

/** Every response carries its request id (`x-request-id`, echoed or generated) and the API headers above. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (req, reply, done) => {
    void reply.header('x-request-id', req.id);
    void reply.headers(apiSecurityHeaders);
    if (req.protocol === 'https') void reply.header('strict-transport-security', HSTS);
    done();
  });
}

/** onRequest hook for HTML pages (the docs UI): the document-only headers. */
export function documentHeadersHook(_req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  void reply.headers(documentSecurityHeaders);
  done();
}
