import { describe, expect, it } from 'vitest';
import { mapGoogleFinishReason } from './map-google-finish-reason.js';

describe('mapGoogleFinishReason', () => {
  it('maps STOP to stop, or to tool-calls when the answer holds function calls', () => {
    expect(mapGoogleFinishReason('STOP', false)).toEqual({ unified: 'stop', raw: 'STOP' });
    expect(mapGoogleFinishReason('STOP', true)).toEqual({ unified: 'tool-calls', raw: 'STOP' });
  });

  it('maps MAX_TOKENS to length', () => {
    expect(mapGoogleFinishReason('MAX_TOKENS', false)).toEqual({ unified: 'length', raw: 'MAX_TOKENS' });
  });

  it.each(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY'])('maps %s to content-filter', (raw) => {
    expect(mapGoogleFinishReason(raw, true)).toEqual({ unified: 'content-filter', raw });
  });

  it('maps a malformed function call to error, keeping the raw word', () => {
    expect(mapGoogleFinishReason('MALFORMED_FUNCTION_CALL', false)).toEqual({ unified: 'error', raw: 'MALFORMED_FUNCTION_CALL' });
  });

  it('maps unknown and missing reasons to other', () => {
    expect(mapGoogleFinishReason('OTHER', false)).toEqual({ unified: 'other', raw: 'OTHER' });
    expect(mapGoogleFinishReason('SOMETHING_NEW', false)).toEqual({ unified: 'other', raw: 'SOMETHING_NEW' });
    expect(mapGoogleFinishReason(undefined, false)).toEqual({ unified: 'other', raw: null });
  });
});
