import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moderate } from './moderation';

const held = (text: string) => moderate(text).reasons;

describe('phone numbers are held', () => {
  it.each([
    'Call me on 9876543210 for cheaper rates',
    'mera number +91 98765 43210 hai',
    'number: +91-98765-43210',
    '098765 43210 pe call karo',
    '9 8 7 6 5 4 3 2 1 0',
    '98.76.54.32.10',
    '(987) 654-3210',
    'nine eight seven six five four three two one zero',
    '98765 four three two one zero',
    'nau aath saat chhe paanch char teen do ek shunya',
    '९८७६५४३२१०',
    'नौ आठ सात छह पांच चार तीन दो एक शून्य',
    '98765432l0 whatsapp',
    '987654321O',
    'landline 0522-2345678',
    '98765_43210',
  ])('%s', (text) => {
    expect(held(text)).toContain('PHONE');
  });
});

describe('links and e-mails are held', () => {
  it.each([
    ['visit https://cheap-plumber.example for offers', 'LINK'],
    ['www.myservice.in', 'LINK'],
    ['book direct at sharmaplumbing.com', 'LINK'],
    ['wa.me/919876543210', 'LINK'],
    ['bit.ly/abc', 'LINK'],
    ['sharmaplumbing dot com', 'LINK'],
    ['sharmaplumbing [dot] in', 'LINK'],
    ['mysite. com', 'LINK'],
    ['mail me rahul.sharma@gmail.com', 'EMAIL'],
    ['rahul @ gmail . com', 'EMAIL'],
    ['rahul at gmail dot com', 'EMAIL'],
    ['rahul (at) gmail (dot) com', 'EMAIL'],
    ['rahul at the rate gmail dot com', 'EMAIL'],
  ])('%s → %s', (text, reason) => {
    expect(held(text)).toContain(reason);
  });
});

describe('abuse is held (English, Hinglish, Devanagari)', () => {
  it.each([
    'What the fuck was this service',
    'absolute bullshit work',
    'F*ck this guy',
    'f**k',
    'sh!t service',
    'fuuuuck',
    'f.u.c.k',
    'bloody bastard',
    'yeh banda chutiya hai',
    'CHUTIYA',
    'ch*tiya',
    'madarchod plumber',
    'bhenchod kaam kharab',
    'bhosdike',
    'gaandu aadmi',
    'harami hai',
    'kamina insaan',
    'saala chor',
    'kutte jaisa kaam',
    'mc bc sab',
    'यह आदमी चूतिया है',
    'हरामी प्लंबर',
    'साला चोर',
    'कमीना',
    'भोसड़ी वाला',
    'idiot technician',
  ])('%s', (text) => {
    expect(held(text)).toContain('ABUSE');
  });
});

describe('normal reviews are published', () => {
  it.each([
    'Excellent work, fixed the tap in 20 minutes. Highly recommended!',
    'बहुत अच्छा काम किया, समय पर आए। धन्यवाद',
    'Bahut badhiya kaam, time pe aaye aur saaf safai bhi ki.',
    'Charged Rs 1,500 for 2 hours, fair price. 5 stars.',
    'Paid ₹1,50,000 for the full painting job in 2024, done in 15 days.',
    'Came at 10 am, left at 12. Good. In time and polite.',
    'He fixed our masala grinder and the classic AC too.',
    'The grandiose chandelier was fitted perfectly.',
    'Do baar aaye, ek baar mein kaam nahi hua, but overall ok.',
    'Rating: 5/5, would book again e.g. for the kitchen.',
    'AC service for 3 units, 2 split and 1 window, took 3 hours.',
    '',
  ])('%s', (text) => {
    expect(moderate(text)).toEqual({ held: false, reasons: [] });
  });
  it('no comment at all is never held', () => {
    expect(moderate(null).held).toBe(false);
    expect(moderate(undefined).held).toBe(false);
  });
});

it('reports every reason found', () => {
  expect(held('fuck off, call 9876543210 or mail a@b.com, see x.com')).toEqual(['PHONE', 'EMAIL', 'LINK', 'ABUSE']);
});

describe('properties', () => {
  const mobile = fc
    .tuple(fc.constantFrom('6', '7', '8', '9'), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }))
    .map(([first, rest]) => [first, ...rest.map(String)]);
  const separator = fc.constantFrom('', ' ', '-', '.', '  ', ' - ');
  const safeWord = fc.constantFrom(
    'great',
    'work',
    'time',
    'pe',
    'aaye',
    'bahut',
    'accha',
    'tap',
    'fixed',
    'अच्छा',
    'काम',
    'service',
  );

  it('any Indian mobile, with any separators and an optional +91 / 0 prefix, is held', () => {
    fc.assert(
      fc.property(
        mobile,
        fc.array(separator, { minLength: 9, maxLength: 9 }),
        fc.constantFrom('', '+91 ', '0', '+91-'),
        fc.array(safeWord, { maxLength: 4 }),
        (digits, seps, prefix, words) => {
          const number = prefix + digits.map((d, i) => d + (i < 9 ? seps[i] : '')).join('');
          expect(held(`${words.join(' ')} call ${number} ${words.join(' ')}`)).toContain('PHONE');
        },
      ),
    );
  });

  it('ordinary words with small numbers are never held', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(safeWord, fc.integer({ min: 0, max: 9999 }).map(String)), { maxLength: 30 }), (tokens) => {
        // Fewer than 10 digits in any run of numbers: join numbers with words in between.
        const text = tokens.map((tk, i) => (i % 2 ? `${tk} rupees` : tk)).join(' ');
        fc.pre((text.match(/\d/g) ?? []).length < 10);
        expect(moderate(text).held).toBe(false);
      }),
    );
  });
});
