import { randomBytes } from 'node:crypto';

/** `file-` and 24 random characters, the shape of OpenAI's file ids. */
export function newFileId(): string {
  return `file-${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x')}`;
}

/** Ids this store hands out; anything else is never looked up on disk (no path tricks). */
export const fileIdPattern = /^file-[A-Za-z0-9]{24}$/;
