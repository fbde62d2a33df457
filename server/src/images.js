// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Decodes an uploaded PNG, JPEG, GIF or WebP with sharp (libvips) to learn its size and make
// its thumbnail. Only those four formats reach the decoder (told by their first bytes, so
// sharp's other loaders, SVG among them, never see network input), within a pixel limit
// (a decompression bomb is refused from its header), a time limit and one thread per image.
// A file that does not decode is simply not an image to the server: no size, no thumbnail.
import sharp from 'sharp';

export const THUMBNAIL_MAX = 320;
export const MAX_INPUT_PIXELS = 64 * 1024 * 1024; // 8192 x 8192; a 48 MP photo fits
const DECODE_TIMEOUT_S = 20;

sharp.cache(false); // nothing of one upload stays in memory for the next
sharp.concurrency(1); // threads per image: a big image cannot take both cores

// The image type of a file from its first 12 bytes, or null.
export function sniffImageType(head) {
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  const ascii = head.toString('latin1');
  if (ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a')) return 'image/gif';
  if (head.length >= 12 && ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

// { mimeType, width, height, thumbnail, thumbnailType } for a decodable image of one of the
// four types, else null. width and height are as shown (EXIF orientation applied; the first
// frame of an animation). The thumbnail fits in 320 x 320: JPEG for a JPEG, PNG otherwise
// (it keeps transparency).
export async function describeImage(file, head) {
  const mimeType = sniffImageType(head);
  if (!mimeType) return null;
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'warning', sequentialRead: true };
  try {
    const { width, height, orientation } = await sharp(file, options).metadata();
    if (!width || !height) return null;
    const thumbnailType = mimeType === 'image/jpeg' ? 'image/jpeg' : 'image/png';
    const pipeline = sharp(file, options)
      .timeout({ seconds: DECODE_TIMEOUT_S })
      .rotate() // EXIF orientation
      .resize(THUMBNAIL_MAX, THUMBNAIL_MAX, { fit: 'inside', withoutEnlargement: true });
    const thumbnail = await (thumbnailType === 'image/jpeg' ? pipeline.jpeg({ quality: 80 }) : pipeline.png()).toBuffer();
    const turned = orientation >= 5; // 5 to 8 swap the sides
    return { mimeType, width: turned ? height : width, height: turned ? width : height, thumbnail, thumbnailType };
  } catch {
    return null; // broken, truncated, too many pixels, too slow: not an image the server can decode
  }
}
