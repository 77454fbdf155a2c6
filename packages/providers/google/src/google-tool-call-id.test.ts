import { describe, expect, it } from 'vitest';
import { googleToolCallId, parseGoogleToolCallId } from './google-tool-call-id.js';

describe('google tool-call ids', () => {
  it('leaves an unsigned id as it is', () => {
    expect(googleToolCallId('call_abc_0')).toBe('call_abc_0');
    expect(parseGoogleToolCallId('call_abc_0')).toEqual({ baseId: 'call_abc_0' });
    expect(parseGoogleToolCallId('toolu_01XYZ')).toEqual({ baseId: 'toolu_01XYZ' });
  });

  it('carries a signature url-safe and restores the exact standard base64', () => {
    const signature = Buffer.from(Array.from({ length: 301 }, (_, index) => (index * 37) % 256)).toString('base64');
    expect(signature).toMatch(/[+/].*=$/);
    const id = googleToolCallId('call_resp_1', signature);
    expect(id).toMatch(/^call_resp_1__thought__[A-Za-z0-9_-]+$/);
    expect(parseGoogleToolCallId(id)).toEqual({ baseId: 'call_resp_1', thoughtSignature: signature });
  });

  it('restores padding of every length', () => {
    for (const signature of ['QQ==', 'QUI=', 'QUJD', 'QUJDRA==']) {
      expect(parseGoogleToolCallId(googleToolCallId('x', signature)).thoughtSignature).toBe(signature);
    }
  });

  it('ignores a separator with no valid signature after it', () => {
    expect(parseGoogleToolCallId('call__thought__not base64!')).toEqual({ baseId: 'call__thought__not base64!' });
  });
});
