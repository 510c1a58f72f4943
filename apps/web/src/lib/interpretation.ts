import type { CategoryView, SearchInterpretation } from '@localpro/contracts';
import { formatDateTime, formatDay, formatTime, istDate } from './format';

type Lang = 'en' | 'hi';

/** A catalogue name in the reader's language (falls back to English, then the slug). */
export function localName(item: { name: string; nameTranslations: Record<string, string> }, lang: Lang): string {
  return item.nameTranslations[lang] ?? item.nameTranslations.en ?? item.name;
}

/** The service the search understood, named from the catalogue in the reader's language. */
export function understoodService(i: SearchInterpretation, categories: CategoryView[], lang: Lang): string | null {
  const category = categories.find((c) => c.id === i.categoryId || c.slug === i.categorySlug);
  const sub = categories.flatMap((c) => c.subCategories).find((s) => s.id === i.subCategoryId || s.slug === i.subCategorySlug);
  if (sub) return localName(sub, lang);
  if (category) return localName(category, lang);
  return null;
}

/** When the customer wants it, as dates and times in IST rather than the words they typed. */
export function understoodWhen(when: NonNullable<SearchInterpretation['when']>, locale: string, nowLabel: string): string {
  switch (when.precision) {
    case 'now':
      return nowLabel;
    case 'exact':
      return formatDateTime(when.start, locale);
    case 'part-of-day':
      return `${formatDateTime(when.start, locale)}–${formatTime(when.end, locale)}`;
    case 'day':
      return formatDay(istDate(new Date(when.start)), locale);
    case 'range':
      return `${formatDay(istDate(new Date(when.start)), locale)} – ${formatDay(istDate(new Date(Date.parse(when.end) - 1)), locale)}`;
  }
}
