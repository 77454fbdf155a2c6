import { describe, expect, it } from 'vitest';
import { requestShapeKey } from './observed-request.js';

const base = {
  method: 'POST', path: '/v1/chat/completions', status: 200, stream: false, provider: 'openai-prod', providerId: 'openai',
  modelRequested: 'gpt-4o-mini', modelAnswered: 'gpt-4o-mini-2024-07-18', errorKind: undefined as string | undefined,
};
// Strings made at run time, so equal values are distinct string objects, as they are across requests.
const fresh = (text: string) => [...text].join('');

describe('requestShapeKey', () => {
  it('gives requests with equal fields one key, whichever string objects hold them', () => {
    const first = requestShapeKey(base);
    const copy = { ...base, path: fresh(base.path), provider: fresh(base.provider), modelAnswered: fresh(base.modelAnswered) };
    expect(requestShapeKey(copy)).toBe(first);
  });

  it('gives a request differing in any one field another key, also once its shape is a recent one', () => {
    const variants = [
      { method: 'GET' }, { path: '/v1/messages' }, { status: 500 }, { stream: true }, { provider: 'openai-backup' },
      { providerId: 'azure-openai' }, { modelRequested: 'gpt-4o' }, { modelAnswered: undefined }, { errorKind: 'upstream_error' },
      { provider: undefined },
    ];
    for (let pass = 0; pass < 2; pass += 1) {
      const keys = new Set([requestShapeKey(base), ...variants.map((change) => requestShapeKey({ ...base, ...change }))]);
      expect(keys.size).toBe(variants.length + 1);
    }
  });

  it('keeps answering the same key for a shape after many other shapes pushed it out of the recent ones', () => {
    const first = requestShapeKey(base);
    for (let index = 0; index < 40; index += 1) requestShapeKey({ ...base, status: 400 + index });
    expect(requestShapeKey({ ...base })).toBe(first);
    // An undefined field and an empty one are the same label everywhere the key is used.
    expect(requestShapeKey({ ...base, errorKind: '' })).toBe(first);
  });
});
