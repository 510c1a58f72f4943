import type { BrowserContext } from 'playwright-core';
import type { Journey } from '../lib/journey';
import { log, shot } from '../lib/log';

export const hindiHomeJourney: Journey = {
  name: 'hindi-home',
  title: 'the home page in Hindi: texts, lang, bundled Devanagari font, remembered choice',
  async run({ base, newContext }) {
    await hindiHome(await newContext(), base);
  },
};

async function hindiHome(context: BrowserContext, base: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: 'Switch the language to Hindi' }).click();
  await page.getByRole('heading', { name: 'आपको क्या काम करवाना है?' }).waitFor();
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (lang !== 'hi') throw new Error(`html lang is ${lang}`);
  await page.evaluate(() => document.fonts.ready);
  const fontLoaded = await page.evaluate(() => document.fonts.check('16px "Noto Sans Devanagari"', 'आपको'));
  if (!fontLoaded) throw new Error('the bundled Noto Sans Devanagari font did not load');
  await page.getByLabel('काम बताइए').fill('कल सुबह प्लंबर');
  await shot(page, '07-home-hindi');
  // The choice is remembered across a reload.
  await page.reload();
  await page.getByRole('heading', { name: 'आपको क्या काम करवाना है?' }).waitFor();
  log('Hindi home page: texts, lang="hi", Devanagari font loaded, choice remembered');
  await page.close();
}
