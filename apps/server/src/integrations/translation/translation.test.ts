import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectLanguage } from './detect';
import { startGoogleTranslateFake } from './fakes/google-translate-fake';
import { startOpenAiFake } from './fakes/openai-fake';
import { createGoogleTranslator } from './google';
import { createLocalTranslator } from './local';
import { createOpenAiTranslator } from './openai';
import { PHRASES } from './phrasebook.data';

describe('detectLanguage', () => {
  it.each([
    ['मैं 30 मिनट में आ सकता हूं', 'hi'],
    ['I can come in 30 minutes', 'en'],
    ['main 10 minute mein aa raha hoon', 'hi-Latn'],
    ['bhaiya kitna paisa lagega', 'hi-Latn'],
    ['Send me the main door photo', 'en'],
    ['Hi, is the AC service available today?', 'en'],
    ['ok', 'en'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe('local phrasebook translator', () => {
  const t = createLocalTranslator();

  it('has at least 60 phrase pairs', () => {
    expect(PHRASES.length).toBeGreaterThanOrEqual(60);
  });

  it('translates known phrases both ways, carrying numbers and times', async () => {
    expect(await t.translate('मैं 30 मिनट में आ सकता हूं', 'hi', 'en')).toEqual({ text: 'I can come in 30 minutes', translated: true });
    expect(await t.translate('I can come in 45 minutes.', 'en', 'hi')).toEqual({
      text: 'मैं 45 मिनट में आ सकता हूं',
      translated: true,
    });
    expect(await t.translate('Come at 5:30', 'en', 'hi')).toEqual({ text: '5:30 बजे आइए', translated: true });
    expect(await t.translate('On my way! Reached.', 'en', 'hi')).toEqual({ text: 'मैं रास्ते में हूं। मैं पहुंच गया हूं', translated: true });
    expect(await t.translate('kitne paise lagenge', 'hi-Latn', 'en')).toEqual({ text: 'What is the price', translated: true });
    expect(await t.translate('What time?', 'en', 'hi')).toEqual({ text: 'कितने बजे?', translated: true });
    // The chat of the browser journey: an English customer and a Hindi-speaking plumber.
    expect(await t.translate('Is the tap leaking badly? Please come tomorrow morning', 'en', 'hi')).toEqual({
      text: 'क्या नल बहुत टपक रहा है। कृपया कल सुबह आइए',
      translated: true,
    });
    expect(await t.translate('हां। मैं कल सुबह आऊंगा।', 'hi', 'en')).toEqual({
      text: 'Yes. I will come tomorrow morning',
      translated: true,
    });
  });

  it('every phrase round-trips English → Hindi → English to its first form', async () => {
    for (const p of PHRASES) {
      const en = p.en[0]!.replace('{n}', '7');
      const hi = await t.translate(en, 'en', 'hi');
      expect(hi.translated).toBe(true);
      const back = await t.translate(hi.text, 'hi', 'en');
      expect(back).toEqual({ text: en, translated: true });
    }
  });

  it('never guesses: an unknown sentence, or one unknown sentence among known ones, comes back untouched', async () => {
    const s = 'The geyser makes a strange noise. Please wait';
    expect(await t.translate(s, 'en', 'hi')).toEqual({ text: s, translated: false });
    expect(await t.translate('मेरा गीजर खराब है', 'hi', 'en')).toEqual({ text: 'मेरा गीजर खराब है', translated: false });
  });
});

describe('Google Cloud Translation v2 adapter (local fake)', () => {
  let fake: Awaited<ReturnType<typeof startGoogleTranslateFake>>;
  beforeAll(async () => {
    fake = await startGoogleTranslateFake({
      apiKey: 'test-key',
      dictionary: { en: { 'मेरा गीजर खराब है': 'My geyser is broken' }, hi: { 'The geyser is broken': 'गीजर खराब है' } },
    });
  });
  afterAll(() => fake.close());

  it('sends q/source/target with the key and returns the translation', async () => {
    const g = createGoogleTranslator({ apiKey: 'test-key', baseUrl: fake.url });
    expect(await g.translate('मेरा गीजर खराब है', 'hi', 'en')).toEqual({ text: 'My geyser is broken', translated: true });
    expect(fake.calls.at(-1)).toEqual({ q: 'मेरा गीजर खराब है', source: 'hi', target: 'en' });
    await g.translate('geyser kharab hai', 'hi-Latn', 'en');
    expect(fake.calls.at(-1)?.source).toBeUndefined();
  });

  it('falls back to the phrasebook, else "not translated", when the vendor refuses', async () => {
    const errors: unknown[] = [];
    const g = createGoogleTranslator({ apiKey: 'wrong', baseUrl: fake.url, onError: (e) => errors.push(e) });
    expect(await g.translate('Thank you', 'en', 'hi')).toEqual({ text: 'धन्यवाद', translated: true });
    expect(await g.translate('The geyser is broken', 'en', 'hi')).toEqual({ text: 'The geyser is broken', translated: false });
    expect(errors).toHaveLength(2);
  });
});

describe('OpenAI adapter (local fake)', () => {
  let fake: Awaited<ReturnType<typeof startOpenAiFake>>;
  beforeAll(async () => {
    fake = await startOpenAiFake({
      apiKey: 'sk-test',
      dictionary: { 'मेरा गीजर खराब है': 'My geyser is broken' },
      unsure: '__NOT_TRANSLATABLE__',
    });
  });
  afterAll(() => fake.close());

  it('asks for a translation with the bearer key and returns it', async () => {
    const o = createOpenAiTranslator({ apiKey: 'sk-test', baseUrl: fake.url, model: 'gpt-test' });
    expect(await o.translate('मेरा गीजर खराब है', 'hi', 'en')).toEqual({ text: 'My geyser is broken', translated: true });
    expect(fake.calls.at(-1)).toMatchObject({ model: 'gpt-test', user: 'मेरा गीजर खराब है' });
    expect(fake.calls.at(-1)?.system).toContain('to English');
  });

  it('marks "not translated" when the model is unsure or the key is wrong', async () => {
    const o = createOpenAiTranslator({ apiKey: 'sk-test', baseUrl: fake.url });
    expect(await o.translate('asdf qwer', 'en', 'hi')).toEqual({ text: 'asdf qwer', translated: false });
    const bad = createOpenAiTranslator({ apiKey: 'sk-wrong', baseUrl: fake.url, onError: () => {} });
    expect(await bad.translate('unknown words here', 'en', 'hi')).toEqual({ text: 'unknown words here', translated: false });
  });
});
