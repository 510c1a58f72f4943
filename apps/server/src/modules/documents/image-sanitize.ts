import sharp from 'sharp';

export interface SanitizedImage {
  buffer: Buffer;
  mimeType: 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
}

export interface ImageLimits {
  /** Refuse inputs whose declared size exceeds this many pixels (decompression bombs). */
  maxInputPixels: number;
  /** Longest side of the stored image. */
  maxSide: number;
}

export const defaultImageLimits: ImageLimits = { maxInputPixels: 40_000_000, maxSide: 2048 };

export class ImageRejected extends Error {}

/**
 * Decodes and re-encodes an image: applies EXIF orientation then drops every metadata block
 * (EXIF, GPS, XMP, ICC comments), caps the size, and writes a fresh JPEG (or WebP when the
 * source may have transparency). Anything appended to or hidden in the original is gone.
 */
export async function sanitizeImage(
  input: Buffer,
  source: 'image/jpeg' | 'image/png' | 'image/webp',
  limits = defaultImageLimits,
) {
  try {
    const meta = await sharp(input, { limitInputPixels: limits.maxInputPixels }).metadata();
    if (!meta.width || !meta.height || meta.width * meta.height > limits.maxInputPixels)
      throw new ImageRejected('Image is too large');
    if ((meta.pages ?? 1) > 1) throw new ImageRejected('Animated images are not accepted');
    const pipeline = sharp(input, { limitInputPixels: limits.maxInputPixels, failOn: 'error', sequentialRead: true })
      .rotate()
      .resize({ width: limits.maxSide, height: limits.maxSide, fit: 'inside', withoutEnlargement: true });
    const asWebp = source !== 'image/jpeg' && meta.hasAlpha === true;
    const { data, info } = await (asWebp
      ? pipeline.webp({ quality: 85 })
      : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 85, mozjpeg: true })
    ).toBuffer({ resolveWithObject: true });
    return {
      buffer: data,
      mimeType: asWebp ? 'image/webp' : 'image/jpeg',
      width: info.width,
      height: info.height,
    } satisfies SanitizedImage;
  } catch (err) {
    if (err instanceof ImageRejected) throw err;
    const msg = (err as Error).message ?? '';
    throw new ImageRejected(/pixel limit|too large|exceeds/i.test(msg) ? 'Image is too large' : 'The image could not be read');
  }
}
