/** Indian financial year (April–March) of an instant, in Asia/Kolkata: "2026-27". */
export function financialYear(at: Date): string {
  const ist = new Date(at.getTime() + 330 * 60_000); // IST is UTC+05:30 all year
  const y = ist.getUTCFullYear();
  const start = ist.getUTCMonth() >= 3 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** "LP/2026-27/000123": gapless per financial year (the counter row is locked by the issuing transaction). */
export function invoiceNumber(fy: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError('sequence must be a positive integer');
  return `LP/${fy}/${String(sequence).padStart(6, '0')}`;
}
