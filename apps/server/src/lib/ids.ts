import { randomBytes, randomInt } from 'node:crypto';

/** Uppercase letters and digits without look-alikes (no 0/O, 1/I/L), easy to read over the phone. */
const READABLE = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function readableCode(length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += READABLE[randomInt(READABLE.length)];
  return s;
}

export function numericCode(digits: number): string {
  return String(randomInt(0, 10 ** digits)).padStart(digits, '0');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
