import { AppError } from '../../lib/errors';

/**
 * Indian mobile numbers → E.164 `+91XXXXXXXXXX` (10 digits starting 6–9). Accepts the ways people
 * type them: 9876543210, 09876543210, +91 98765 43210, +91-98765-43210, 919876543210, (+91) 98765-43210.
 * Returns null for anything else.
 */
export function normalizeIndianPhone(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed.length > 32 || !/^[+\d\s\-().]+$/.test(trimmed)) return null;
  const hasPlus = trimmed.includes('+');
  if (hasPlus && !/^\(?\+/.test(trimmed)) return null; // a plus only as the first character
  const digits = trimmed.replace(/\D/g, '');
  let national: string | null = null;
  if (hasPlus) national = digits.length === 12 && digits.startsWith('91') ? digits.slice(2) : null;
  else if (digits.length === 10) national = digits;
  else if (digits.length === 11 && digits.startsWith('0')) national = digits.slice(1);
  else if (digits.length === 12 && digits.startsWith('91')) national = digits.slice(2);
  else if (digits.length === 13 && digits.startsWith('091')) national = digits.slice(3);
  if (!national || !/^[6-9]\d{9}$/.test(national)) return null;
  return `+91${national}`;
}

/** Like normalizeIndianPhone, but answers 400 INVALID_PHONE. */
export function requireIndianPhone(input: string): string {
  const phone = normalizeIndianPhone(input);
  if (!phone) {
    throw new AppError('INVALID_PHONE', 'Enter a valid 10-digit Indian mobile number / मान्य 10 अंकों का मोबाइल नंबर डालें');
  }
  return phone;
}
