import { describe, expect, it } from 'vitest';
import { defaultHealthKey } from './default-health-key.js';

const spec = { overrideParams: {}, forwardHeaders: [], retry: { attempts: 0, onStatusCodes: [], useRetryAfterHeader: false }, extra: {}, path: 'config' };

describe('defaultHealthKey', () => {
  it('joins provider, custom host and model', () => {
    expect(defaultHealthKey({ ...spec, provider: '@openai-prod', customHost: 'http://localhost:1/v1', overrideParams: { model: 'gpt-4o' } }, {})).toBe(
      '@openai-prod|http://localhost:1/v1|gpt-4o',
    );
  });
  it('takes the model from the request when no override sets it', () => {
    expect(defaultHealthKey({ ...spec, provider: '@a' }, { model: 'claude' })).toBe('@a||claude');
    expect(defaultHealthKey(spec, { model: 42 })).toBe('||');
  });
});
