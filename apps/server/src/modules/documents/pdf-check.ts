import { inflateSync } from 'node:zlib';

/** Names that make a PDF run code, open other programs or carry hidden files. */
const ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA|SubmitForm|ImportData|GoToR)\b/;

/** PDF names may hide letters as #xx escapes (/J#61vaScript); decode them before looking. */
const decodeNames = (s: string) => s.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

export type PdfVerdict = { ok: true } | { ok: false; reason: 'NOT_A_PDF' | 'TRUNCATED' | 'ACTIVE_CONTENT' };

/**
 * Accepts a PDF only when it starts with %PDF-, ends with %%EOF and has no active content —
 * including inside Flate-compressed streams (object streams can hide /JavaScript).
 */
export function checkPdf(buf: Buffer, maxInflatedBytes = 50 * 1_048_576): PdfVerdict {
  if (buf.toString('latin1', 0, 5) !== '%PDF-') return { ok: false, reason: 'NOT_A_PDF' };
  if (!buf.toString('latin1', Math.max(0, buf.length - 1024)).includes('%%EOF')) return { ok: false, reason: 'TRUNCATED' };
  const text = buf.toString('latin1');
  if (ACTIVE.test(decodeNames(text))) return { ok: false, reason: 'ACTIVE_CONTENT' };
  let budget = maxInflatedBytes;
  const streamRe = /stream\r?\n/g;
  for (let m = streamRe.exec(text); m; m = streamRe.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end === -1) break;
    try {
      const inflated = inflateSync(buf.subarray(start, end), { maxOutputLength: Math.max(1, budget) });
      budget -= inflated.length;
      if (ACTIVE.test(decodeNames(inflated.toString('latin1')))) return { ok: false, reason: 'ACTIVE_CONTENT' };
    } catch (err) {
      // Not Flate data (images, other filters) is fine; running out of budget is a bomb.
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || budget <= 0)
        return { ok: false, reason: 'ACTIVE_CONTENT' };
    }
    streamRe.lastIndex = end;
  }
  return { ok: true };
}
