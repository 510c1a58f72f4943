// Writes the PWA icons (public/icons/*.png) from an SVG with sharp. Run once when the logo changes:
//   node apps/web/scripts/make-icons.mjs   (the PNGs are committed; builds do not need sharp)
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
mkdirSync(out, { recursive: true });

const svg = (size, padding) => `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
  <rect width="100" height="100" rx="${padding ? 0 : 18}" fill="#0f5ea8"/>
  <g transform="translate(50 50) scale(${padding ? 0.7 : 0.9}) translate(-50 -50)">
    <path d="M50 14c-14 0-25 11-25 25 0 19 25 45 25 45s25-26 25-45c0-14-11-25-25-25z" fill="#fff"/>
    <circle cx="50" cy="39" r="10" fill="#0f5ea8"/>
  </g>
</svg>`;

for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
]) {
  await sharp(Buffer.from(svg(size, maskable)))
    .png()
    .toFile(join(out, name));
}
console.log(`icons written to ${out}`);
