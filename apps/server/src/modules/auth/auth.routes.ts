import {
  logoutBody,
  otpRequestBody,
  otpRequestResponse,
  otpVerifyBody,
  recoveryCodeBody,
  recoveryLoginResponse,
  refreshBody,
  sessionIdParams,
  sessionsResponse,
  tokenPairResponse,
  totpCodeBody,
  totpEnrollResponse,
  totpVerifyResponse,
  verifyTokenResponse,
} from '@localpro/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Container } from '../../container';
import { requireActor } from '../../http/auth';
import type { ClientInfo } from './auth.service';

export const ACCESS_COOKIE = 'lp_at';

const clientOf = (req: FastifyRequest): ClientInfo => ({ ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null });

export function authRoutes(c: Container): FastifyPluginAsyncZod {
  const secure = c.config.isProduction ? '; Secure' : '';
  const setAccessCookie = (reply: FastifyReply, token: string) =>
    reply.header(
      'set-cookie',
      `${ACCESS_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${c.tokenSigner.ttlSec}${secure}`,
    );
  const clearAccessCookie = (reply: FastifyReply) =>
    reply.header('set-cookie', `${ACCESS_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`);
  const tags = ['auth'];

  return async (app) => {
    app.post(
      '/auth/otp/request',
      {
        schema: {
          tags,
          summary: 'Send a sign-in code by SMS (same answer for known and unknown numbers)',
          body: otpRequestBody,
          response: { 202: otpRequestResponse },
        },
      },
      async (req, reply) => reply.code(202).send(await c.auth.requestOtp(req.body, clientOf(req))),
    );

    app.post(
      '/auth/otp/verify',
      {
        schema: { tags, summary: 'Sign in (or up) with the SMS code', body: otpVerifyBody, response: { 200: tokenPairResponse } },
      },
      async (req, reply) => {
        const pair = await c.auth.verifyOtp(req.body, clientOf(req));
        setAccessCookie(reply, pair.accessToken);
        return pair;
      },
    );

    app.post(
      '/auth/refresh',
      {
        schema: {
          tags,
          summary: 'Rotate the refresh token for a new pair',
          body: refreshBody,
          response: { 200: tokenPairResponse },
        },
      },
      async (req, reply) => {
        const pair = await c.auth.refresh(req.body, clientOf(req));
        setAccessCookie(reply, pair.accessToken);
        return pair;
      },
    );

    app.post('/auth/logout', { schema: { tags, summary: 'Sign out this device', body: logoutBody } }, async (req, reply) => {
      await c.auth.logout(req.actor, req.body?.refreshToken);
      clearAccessCookie(reply);
      return reply.code(204).send();
    });

    app.post('/auth/logout-all', { schema: { tags, summary: 'Sign out every device' } }, async (req, reply) => {
      await c.auth.logoutEverywhere(requireActor(req));
      clearAccessCookie(reply);
      return reply.code(204).send();
    });

    app.get(
      '/auth/sessions',
      { schema: { tags, summary: 'Signed-in devices', response: { 200: sessionsResponse } } },
      async (req) => c.auth.listSessions(requireActor(req)),
    );

    app.delete(
      '/auth/sessions/:id',
      { schema: { tags, summary: 'Sign out one device', params: sessionIdParams } },
      async (req, reply) => {
        await c.auth.revokeSession(requireActor(req), req.params.id);
        return reply.code(204).send();
      },
    );

    app.get(
      '/auth/verify-token',
      { schema: { tags, summary: 'Who the access token belongs to', response: { 200: verifyTokenResponse } } },
      async (req) => ({ user: await c.auth.currentUser(requireActor(req)) }),
    );

    app.post(
      '/auth/totp/enroll',
      { schema: { tags, summary: 'Admin: start authenticator (TOTP) enrolment', response: { 200: totpEnrollResponse } } },
      async (req) => c.totp.enroll(requireActor(req)),
    );

    app.post(
      '/auth/totp/verify',
      {
        schema: {
          tags,
          summary: 'Admin: confirm an authenticator code',
          body: totpCodeBody,
          response: { 200: totpVerifyResponse },
        },
      },
      async (req, reply) => {
        const r = await c.totp.verify(requireActor(req), req.body.code, req.ip ?? null);
        setAccessCookie(reply, r.accessToken);
        return r;
      },
    );

    app.post(
      '/auth/totp/recover',
      {
        schema: {
          tags,
          summary: 'Admin: pass the second factor with a one-time recovery code',
          body: recoveryCodeBody,
          response: { 200: recoveryLoginResponse },
        },
      },
      async (req, reply) => {
        const r = await c.totp.recover(requireActor(req), req.body.code, req.ip ?? null);
        setAccessCookie(reply, r.accessToken);
        return r;
      },
    );
  };
}
