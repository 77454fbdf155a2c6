import { describe, expect, it } from 'vitest';
import { toMistralToolCallId } from './to-mistral-tool-call-id.js';

describe('toMistralToolCallId', () => {
  it("keeps Mistral's own ids", () => {
    expect(toMistralToolCallId('gSIMJiOkT')).toBe('gSIMJiOkT');
  });

  it('maps foreign ids to 9 letters or digits, the same way every time', () => {
    for (const id of ['call_00_9V0vrf86Pc9aelHCJMZqnJBo', 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', 'call_0', 'abc']) {
      const mapped = toMistralToolCallId(id);
      expect(mapped).toMatch(/^[a-zA-Z0-9]{9}$/);
      expect(toMistralToolCallId(id)).toBe(mapped);
    }
    expect(toMistralToolCallId('call_0')).not.toBe(toMistralToolCallId('call_1'));
  });
});
