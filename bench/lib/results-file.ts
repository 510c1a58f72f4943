import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Writes a results page: the generated part, then the hand-written notes of the previous version from
 * `notesHeading` on (they explain the numbers and survive a re-run).
 */
export function writeResultsMarkdown(mdPath: string, generated: string, notesHeading: string): void {
  const previous = existsSync(mdPath) ? readFileSync(mdPath, 'utf8') : '';
  const at = previous.indexOf(notesHeading);
  writeFileSync(mdPath, at === -1 ? generated : `${generated}\n${previous.slice(at)}`);
}
