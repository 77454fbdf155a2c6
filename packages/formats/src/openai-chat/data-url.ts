/**
 * OpenAI carries inline images and files as base64 data URLs; the canonical model keeps
 * media type and bytes apart. Only the plain `data:<type>;base64,<data>` shape is split, so
 * any other URL (with extra parameters, not base64) round-trips verbatim as a URL.
 */
export function parseBase64DataUrl(url: string): { mediaType: string; data: string } | undefined {
  const match = /^data:([^;,]+);base64,/.exec(url);
  if (!match) return undefined;
  return { mediaType: match[1]!, data: url.slice(match[0].length) };
}

export function formatBase64DataUrl(mediaType: string, data: string): string {
  return `data:${mediaType};base64,${data}`;
}
