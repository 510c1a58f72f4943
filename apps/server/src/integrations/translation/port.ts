/** 'hi-Latn' is Hindi typed in Latin letters ("main 10 minute mein aa raha hoon"). */
export type ChatLanguage = 'hi' | 'en' | 'hi-Latn';

export interface TranslationResult {
  text: string;
  /** False means `text` is the original, unchanged: the UI shows it marked "not translated". */
  translated: boolean;
}

export interface Translator {
  /** True for vendor adapters (network, billed): callers avoid translating a message twice. */
  readonly remote?: boolean;
  detect(text: string): ChatLanguage;
  translate(text: string, from: ChatLanguage, to: 'hi' | 'en'): Promise<TranslationResult>;
}

export const notTranslated = (text: string): TranslationResult => ({ text, translated: false });
