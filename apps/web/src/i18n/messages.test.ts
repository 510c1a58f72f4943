import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from './en';
import { hi } from './hi';

const keys = Object.keys(en) as MessageKey[];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const DEVANAGARI = /[\u0900-\u097F]/;

describe('English and Hindi strings', () => {
  it('fill the same placeholders, so no Hindi screen shows a raw {name} or drops a number', () => {
    const mismatched = keys.filter((k) => placeholders(en[k]).join() !== placeholders(hi[k]).join());
    expect(mismatched).toEqual([]);
  });

  it('are written in Hindi, except names and abbreviations that stay as they are', () => {
    // The language switch names the other language; the rest are the brand, symbols and acronyms.
    const latinOnly = keys.filter((k) => !DEVANAGARI.test(hi[k]) && hi[k] !== en[k] && k !== 'lang.switch');
    expect(latinOnly).toEqual([]);
    expect(hi['lang.switch']).toBe('English');
    expect(DEVANAGARI.test(en['lang.switch'])).toBe(true);
  });

  it('are never empty', () => {
    expect(keys.filter((k) => !en[k].trim() || !hi[k].trim())).toEqual([]);
  });
});
