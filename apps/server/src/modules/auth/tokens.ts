import { createHash } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { AppError } from '../../lib/errors';

export interface AccessClaims {
  sub: string;
  sid: string;
  role: 'CUSTOMER' | 'PROVIDER' | 'ADMIN';
  tv: number;
  /** Seconds since epoch when the session passed the admin second factor, if it did. */
  mfa?: number;
}

export function createTokenSigner(secret: string, ttlSec: number) {
  const key = new TextEncoder().encode(secret);
  return {
    ttlSec,
    async sign(claims: AccessClaims): Promise<string> {
      const { sub, ...rest } = claims;
      return new SignJWT({ ...rest })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(sub)
        .setIssuedAt()
        .setExpirationTime(`${ttlSec}s`)
        .setIssuer('localpro')
        .sign(key);
    },
    /** Verifies signature, algorithm (HS256 only — `alg: none` and others are refused), issuer and expiry. */
    async verify(token: string): Promise<AccessClaims> {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: 'localpro' });
        if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') throw new Error('claims');
        return payload as unknown as AccessClaims;
      } catch (err) {
        if (err instanceof joseErrors.JWTExpired) throw new AppError('TOKEN_EXPIRED', 'The access token has expired');
        throw new AppError('TOKEN_INVALID', 'The access token is not valid');
      }
    },
  };
}
export type TokenSigner = ReturnType<typeof createTokenSigner>;

/** SHA-256 for high-entropy secrets (refresh tokens): fast lookup, useless to an attacker without the token. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
