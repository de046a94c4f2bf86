/** The most the server keeps of a photo (MAX_ATTACHMENT_BYTES in @absensi/core): 180 KiB. */
export const MAX_PHOTO_BYTES = 180 * 1024;

export interface PhotoAttachment {
  contentType: 'image/jpeg';
  base64: string;
  bytes: number;
}

/** Sizes to try, longest side in pixels, and JPEG qualities, best first. */
const ATTEMPTS: [number, number][] = [
  [1600, 0.82],
  [1280, 0.75],
  [1024, 0.7],
  [800, 0.65],
  [640, 0.6],
];

/** Base64 of a blob's bytes, without the data URL's prefix. */
async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * A photo of a doctor's note made small enough to send: drawn into a canvas at most 1600 px on
 * its longest side and written as JPEG, smaller and smaller until it fits MAX_PHOTO_BYTES.
 * @returns null when even the smallest is too big.
 * @throws when the file is not a picture the browser can read.
 */
export async function downscalePhoto(file: Blob): Promise<PhotoAttachment | null> {
  const bitmap = await createImageBitmap(file);
  try {
    for (const [longest, quality] of ATTEMPTS) {
      const scale = Math.min(1, longest / Math.max(bitmap.width, bitmap.height));
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no canvas');
      // JPEG has no transparency: a white page under a PNG's clear parts.
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise<Blob | null>((resolve) =>
        canvas.toBlob(resolve, 'image/jpeg', quality),
      );
      if (blob && blob.size <= MAX_PHOTO_BYTES)
        return { contentType: 'image/jpeg', base64: await base64Of(blob), bytes: blob.size };
    }
    return null;
  } finally {
    bitmap.close();
  }
}
