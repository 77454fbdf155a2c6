/** The aspect ratios Imagen generates (https://ai.google.dev/gemini-api/docs/imagen#imagen-configuration). */
export const imagenAspectRatios = ['1:1', '3:4', '4:3', '9:16', '16:9'] as const;

export interface ImagenAspectRatio {
  aspectRatio: string;
  /** False when the size's ratio is none of Imagen's and the nearest one was taken. */
  exact: boolean;
}

/**
 * OpenAI's `WIDTHxHEIGHT` → Imagen's aspect ratio. Imagen takes no pixel size, only a ratio
 * (the model picks the pixels), so `1024x1024` is `1:1` exactly and `1792x1024` (1.75) becomes
 * the nearest, `16:9`, marked inexact. Undefined for `auto` or a malformed size.
 */
export function imagenAspectRatio(size: string): ImagenAspectRatio | undefined {
  const match = /^(\d+)x(\d+)$/.exec(size.trim());
  if (!match) return undefined;
  const width = Number(match[1]);
  const height = Number(match[2]);
  if (width === 0 || height === 0) return undefined;
  const wanted = width / height;
  let best: string = imagenAspectRatios[0];
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const ratio of imagenAspectRatios) {
    const [w, h] = ratio.split(':').map(Number) as [number, number];
    const distance = Math.abs(Math.log(wanted / (w / h)));
    if (distance < bestDistance) {
      best = ratio;
      bestDistance = distance;
    }
  }
  return { aspectRatio: best, exact: bestDistance < 1e-9 };
}
