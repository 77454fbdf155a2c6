import { describe, expect, it } from 'vitest';
import { pickConditionalTarget } from './pick-conditional-target.js';

const targets = [{ name: 'finetuned-gpt4' }, { name: 'base-gpt4' }, {}];
const strategy = {
  conditions: [
    { query: { 'metadata.user_plan': { $eq: 'paid' } }, then: 'finetuned-gpt4' },
    { query: { 'metadata.user_plan': { $eq: 'free' } }, then: 'base-gpt4' },
  ],
  default: 'base-gpt4',
};
const context = (metadata: Record<string, string>) => ({ metadata, params: {}, url: { pathname: '/v1/chat/completions' } });

describe('pickConditionalTarget', () => {
  it('takes the first matching condition', () => {
    expect(pickConditionalTarget(strategy, targets, context({ user_plan: 'paid' }))).toBe(0);
    expect(pickConditionalTarget(strategy, targets, context({ user_plan: 'free' }))).toBe(1);
  });
  it('falls to the default, or to nothing without one', () => {
    expect(pickConditionalTarget(strategy, targets, context({}))).toBe(1);
    expect(pickConditionalTarget({ conditions: strategy.conditions }, targets, context({}))).toBeUndefined();
  });
  it('is ordered: an earlier match wins over a later one', () => {
    const overlapping = { conditions: [{ query: {}, then: 'base-gpt4' }, ...strategy.conditions] };
    expect(pickConditionalTarget(overlapping, targets, context({ user_plan: 'paid' }))).toBe(1);
  });
});
