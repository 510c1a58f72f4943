import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatRupees } from './fees';

const require = createRequire(import.meta.url);
/** Noto Sans (Latin + ₹) and Noto Sans Devanagari (Hindi, shaped), shipped as TTF by npm packages. */
const FONT_PATHS = {
  latin: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  latinBold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  deva: '@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf',
  devaBold: '@expo-google-fonts/noto-sans-devanagari/700Bold/NotoSansDevanagari_700Bold.ttf',
};
let fontCache: Record<keyof typeof FONT_PATHS, Buffer> | null = null;
/** Font files are read once per process; pdfkit embeds only the glyphs used (subset). */
function fonts() {
  fontCache ??= Object.fromEntries(Object.entries(FONT_PATHS).map(([k, p]) => [k, readFileSync(require.resolve(p))])) as Record<
    keyof typeof FONT_PATHS,
    Buffer
  >;
  return fontCache;
}

export interface InvoiceData {
  number: string;
  issuedAt: Date;
  platform: { legalName: string; gstin: string | null };
  bookingNumber: string;
  serviceDate: Date;
  service: string;
  customer: { name: string; phone: string; address: string };
  provider: { name: string; gstin: string | null; address: string | null };
  method: 'CASH' | 'UPI' | 'ONLINE';
  amount: number;
  refunded: number;
  /** In-app only: the commission on this booking, GST on it and the provider's share. */
  commission: { feeBps: number; fee: number; gstBps: number; gst: number; providerEarnings: number } | null;
}

const DEVANAGARI = /[\u0900-\u097F]/;
const fontFor = (text: string, bold = false) =>
  DEVANAGARI.test(text) ? (bold ? 'deva-bold' : 'deva') : bold ? 'latin-bold' : 'latin';
const istDate = (d: Date) =>
  d.toLocaleDateString('en-IN', { timeZone: 'Asia/Kolkata', day: '2-digit', month: 'short', year: 'numeric' });

/** Renders the invoice. Strings containing Devanagari use Noto Sans Devanagari, others Noto Sans. */
export function renderInvoicePdf(d: InvoiceData): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Invoice ${d.number}`, Author: d.platform.legalName } });
  const f = fonts();
  doc.registerFont('latin', f.latin);
  doc.registerFont('latin-bold', f.latinBold);
  doc.registerFont('deva', f.deva);
  doc.registerFont('deva-bold', f.devaBold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const text = (
    s: string,
    opts: { bold?: boolean; size?: number; x?: number; y?: number; width?: number; align?: 'left' | 'right' } = {},
  ) => {
    doc.font(fontFor(s, opts.bold)).fontSize(opts.size ?? 10);
    if (opts.x !== undefined && opts.y !== undefined) doc.text(s, opts.x, opts.y, { width: opts.width, align: opts.align });
    else doc.text(s, { width: opts.width, align: opts.align });
  };
  const row = (label: string, value: string, bold = false) => {
    const y = doc.y;
    text(label, { x: 50, y, width: 330, bold });
    text(value, { x: 380, y, width: 165, align: 'right', bold });
    doc.moveDown(0.3);
  };

  text(d.platform.legalName, { bold: true, size: 18 });
  if (d.platform.gstin) text(`GSTIN: ${d.platform.gstin}`);
  text('Tax invoice · कर बीजक', { size: 12 });
  doc.moveDown();
  text(`Invoice no.: ${d.number}`, { bold: true });
  text(`Date: ${istDate(d.issuedAt)}`);
  text(`Booking: ${d.bookingNumber} · Service date: ${istDate(d.serviceDate)}`);
  doc.moveDown();

  text('Billed to · ग्राहक', { bold: true });
  text(d.customer.name);
  text(d.customer.phone);
  text(d.customer.address, { width: 495 });
  doc.moveDown(0.5);
  text('Service provider · सेवा प्रदाता', { bold: true });
  text(d.provider.name);
  if (d.provider.address) text(d.provider.address, { width: 495 });
  text(d.provider.gstin ? `GSTIN: ${d.provider.gstin}` : 'GSTIN: not registered');
  doc.moveDown();

  text('Service · सेवा', { bold: true });
  row(d.service, formatRupees(d.amount));
  if (d.refunded > 0) row('Refunded · वापसी', `-${formatRupees(d.refunded)}`);
  row('Total paid · कुल भुगतान', formatRupees(d.amount - d.refunded), true);
  const method = {
    CASH: 'Cash · नकद',
    UPI: 'UPI (direct to provider)',
    ONLINE: 'In-app payment (held in escrow until completion)',
  }[d.method];
  text(`Payment method: ${method}`);
  doc.moveDown();

  text('Fee breakdown · शुल्क विवरण', { bold: true });
  if (d.commission) {
    const c = d.commission;
    row(`Platform commission (${(c.feeBps / 100).toFixed(2)}%), charged to the provider`, formatRupees(c.fee));
    row(`GST on commission (${(c.gstBps / 100).toFixed(2)}%)`, formatRupees(c.gst));
    row('Provider receives · प्रदाता को', formatRupees(c.providerEarnings), true);
  } else {
    row('Platform fee (cash / direct UPI)', formatRupees(0));
    row('Provider receives · प्रदाता को', formatRupees(d.amount - d.refunded), true);
  }
  doc.moveDown(2);
  text('GST applies to the platform commission only; the service is billed by the provider.', { size: 8 });
  text('This is a computer-generated invoice · यह कंप्यूटर द्वारा बनाया गया बीजक है', { size: 8 });
  doc.end();
  return done;
}
