import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const GIVEN_ID = /^[\w-]{8,64}$/;

/**
 * Request ids: the caller's `x-request-id` when it looks like one (so a trace spans the proxy and us),
 * else `<process prefix>-<counter>`. The prefix is 72 random bits drawn once per process, so ids stay
 * unique across nodes and restarts; a counter costs nothing per request where randomUUID drew from the
 * CSPRNG buffer every time (see bench/results/health.md). Ids correlate logs, they are not secrets.
 */
export function createRequestIdGenerator(prefix = randomBytes(9).toString('base64url')) {
  let counter = 0;
  return (req: IncomingMessage): string => {
    const given = req.headers['x-request-id'];
    if (typeof given === 'string' && GIVEN_ID.test(given)) return given;
    counter = counter === Number.MAX_SAFE_INTEGER ? 1 : counter + 1;
    return `${prefix}-${counter.toString(36)}`;
  };
}
