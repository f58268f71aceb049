/**
 * Phone cameras produce 3–10 MB photos; the server takes ≤ 5 MB. Large photos are scaled
 * down in the browser (longest side 2000 px, JPEG 0.85) before upload; small ones go as is.
 */
const LONGEST_SIDE = 2000;

export async function shrinkPhoto(file: File, maxBytes: number): Promise<File> {
  if (file.size <= Math.min(maxBytes, 1_500_000) || typeof createImageBitmap !== 'function') return file;
  try {
    const bmp = await createImageBitmap(file);
    const scale = Math.min(1, LONGEST_SIDE / Math.max(bmp.width, bmp.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bmp.width * scale);
    canvas.height = Math.round(bmp.height * scale);
    canvas.getContext('2d')?.drawImage(bmp, 0, 0, canvas.width, canvas.height);
    bmp.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob || blob.size >= file.size) return file;
    return new File([blob], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' });
  } catch {
    return file;
  }
}
