import type { Browser, BrowserContext } from 'playwright-core';

export interface JourneyContext {
  /** The app's origin, e.g. http://127.0.0.1:41234 (API under /api, web app everywhere else). */
  base: string;
  browser: Browser;
  /** A fresh browser context (its own cookies and storage: a second person on a second phone). */
  newContext: (options?: { locale?: 'en-IN' | 'hi-IN' }) => Promise<BrowserContext>;
}

export interface Journey {
  /** Short id used with `npm run e2e -- <name> …` to run only some journeys. */
  name: string;
  title: string;
  run: (ctx: JourneyContext) => Promise<void>;
}
