/** Indian mobile numbers, with or without +91/0 and spaces or dashes between digits. */
const PHONE = /(?<![\d+])(?:\+?91[\s-]*|0)?[6-9](?:[\s-]?\d){9}(?!\d)/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
/** UPI ids: name@handle with no dot in the handle (okaxis, ybl, paytm…). Run after EMAIL. */
const UPI = /[A-Za-z0-9._-]{2,}@[A-Za-z]{2,}\b/g;

export const MASK_TEXT = { en: '[contact hidden until booking is confirmed]', hi: '[बुकिंग कन्फर्म होने तक संपर्क छिपा है]' } as const;

/** Hides phone numbers, emails and UPI ids. Returns whether anything was hidden. */
export function maskContacts(text: string, language: 'en' | 'hi' = 'en'): { text: string; masked: boolean } {
  const label = MASK_TEXT[language];
  let masked = false;
  const hide = () => {
    masked = true;
    return label;
  };
  const out = text.replace(EMAIL, hide).replace(UPI, hide).replace(PHONE, hide);
  return { text: out, masked };
}
