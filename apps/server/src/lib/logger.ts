import pino, { type LoggerOptions } from 'pino';

/** Paths never written to logs: tokens, OTPs, secrets, Aadhaar, phones. */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-razorpay-signature"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.otp',
  '*.code',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret',
  '*.aadhaarNumber',
  '*.phone',
  '*.to',
  'phone',
  'otp',
  'code',
  'token',
  'aadhaarNumber',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: maskUrl(req.url) }),
    },
  };
}

/** Query strings may carry phones (`/api/dev/outbox?to=`); keep the path only. */
export function maskUrl(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : `${url.slice(0, q)}?[redacted]`;
}

export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino(loggerOptions(level), destination);
}
