/**
 * One screen area's strings in both languages. `hi` is typed against `en`, so a missing Hindi string fails
 * the typecheck. Register the area in ../en.ts and ../hi.ts (one spread each).
 */
export function defineMessages<const E extends Record<string, string>>(en: E, hi: Record<keyof E, string>) {
  return { en, hi };
}
