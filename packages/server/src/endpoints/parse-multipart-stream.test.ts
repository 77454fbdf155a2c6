import { describe, expect, it } from 'vitest';
import { multipartBoundary, parseMultipartStream } from './parse-multipart-stream.js';

/** The form as web FormData encodes it (what the openai SDK sends), cut into chunks of `size` bytes. */
async function encodedForm(form: FormData, size: number) {
  const response = new Response(form);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const boundary = multipartBoundary(response.headers.get('content-type')!);
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  }
  return { boundary, chunks: chunks() };
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of source) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

describe('parseMultipartStream', () => {
  const content = `${'{"custom_id":"a"}\r\n--not-a-boundary\n'.repeat(50)}héllo ✓`;

  it.each([1, 7, 64, 100_000])('reads fields and a file intact whatever the chunk size (%i bytes)', async (size) => {
    const form = new FormData();
    form.append('purpose', 'batch');
    form.append('file', new File([content], 'input.jsonl', { type: 'application/jsonl' }));
    const { boundary, chunks } = await encodedForm(form, size);
    const seen: Array<{ name: string; filename?: string; contentType?: string; text: string }> = [];
    for await (const part of parseMultipartStream(chunks, boundary)) {
      seen.push({ name: part.name, filename: part.filename, contentType: part.contentType, text: await collect(part.body) });
    }
    expect(seen).toEqual([
      { name: 'purpose', filename: undefined, contentType: undefined, text: 'batch' },
      { name: 'file', filename: 'input.jsonl', contentType: 'application/jsonl', text: content },
    ]);
  });

  it('skips the rest of a part the caller did not read', async () => {
    const form = new FormData();
    form.append('file', new File(['x'.repeat(10_000)], 'a.bin'));
    form.append('purpose', 'batch');
    const { boundary, chunks } = await encodedForm(form, 333);
    const names: string[] = [];
    let purpose = '';
    for await (const part of parseMultipartStream(chunks, boundary)) {
      names.push(part.name);
      if (part.name === 'purpose') purpose = await collect(part.body);
    }
    expect(names).toEqual(['file', 'purpose']);
    expect(purpose).toBe('batch');
  });

  it('refuses a body that ends inside a part with a 400', async () => {
    const form = new FormData();
    form.append('file', new File(['abc'], 'a.txt'));
    const response = new Response(form);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const boundary = multipartBoundary(response.headers.get('content-type')!);
    async function* cut(): AsyncGenerator<Uint8Array> {
      yield bytes.subarray(0, bytes.length - boundary.length - 8);
    }
    const read = async () => {
      for await (const part of parseMultipartStream(cut(), boundary)) await collect(part.body);
    };
    await expect(read()).rejects.toMatchObject({ kind: 'invalid_request', status: 400, message: expect.stringContaining('ended inside a part') });
  });

  it('asks for a boundary in the content type', () => {
    expect(() => multipartBoundary('application/json')).toThrow(/multipart\/form-data/);
    expect(multipartBoundary('multipart/form-data; boundary="abc def"')).toBe('abc def');
    expect(multipartBoundary('multipart/form-data; boundary=----x1')).toBe('----x1');
  });
});
