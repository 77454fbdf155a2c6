import { describe, expect, it } from 'vitest';
import { type QueryContext, evaluateQuery, looselyEqual, readQueryPath } from './evaluate-query.js';

const context: QueryContext = {
  metadata: { user_plan: 'paid', region: 'eu', count: '12', 'team.name': 'core', flag: 'true' },
  params: {
    model: 'smartest',
    temperature: 0.8,
    max_tokens: 5000,
    stream: true,
    messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'hi' }],
    response_format: { type: 'json_object' },
  },
  url: { pathname: '/v1/chat/completions' },
};

const matches = (query: Record<string, unknown>) => evaluateQuery(query, context);

describe('evaluateQuery', () => {
  it('$eq and implicit equality', () => {
    expect(matches({ 'metadata.user_plan': { $eq: 'paid' } })).toBe(true);
    expect(matches({ 'metadata.user_plan': { $eq: 'free' } })).toBe(false);
    expect(matches({ 'params.model': 'smartest' })).toBe(true);
    expect(matches({ 'params.model': 'fastest' })).toBe(false);
  });
  it('$ne, true for a missing key as in Portkey’s router', () => {
    expect(matches({ 'metadata.region': { $ne: 'us' } })).toBe(true);
    expect(matches({ 'metadata.region': { $ne: 'eu' } })).toBe(false);
    expect(matches({ 'metadata.absent': { $ne: 'eu' } })).toBe(true);
  });
  it('$gt $gte $lt $lte compare numbers, numeric strings included', () => {
    expect(matches({ 'params.temperature': { $gt: 0.7 } })).toBe(true);
    expect(matches({ 'params.temperature': { $gt: 0.8 } })).toBe(false);
    expect(matches({ 'params.temperature': { $gte: 0.8 } })).toBe(true);
    expect(matches({ 'params.temperature': { $lt: 0.3 } })).toBe(false);
    expect(matches({ 'params.temperature': { $lte: 0.8 } })).toBe(true);
    expect(matches({ 'params.max_tokens': { $gt: 4000 } })).toBe(true);
    expect(matches({ 'metadata.count': { $gt: 10 } })).toBe(true);
    expect(matches({ 'metadata.count': { $lt: '10' } })).toBe(false);
  });
  it('comparisons are false for missing or non-numeric values', () => {
    expect(matches({ 'params.top_p': { $lt: 0.8 } })).toBe(false);
    expect(matches({ 'params.model': { $gt: 1 } })).toBe(false);
    expect(matches({ 'params.stream': { $gte: 0 } })).toBe(false);
  });
  it('$in and $nin', () => {
    expect(matches({ 'metadata.region': { $in: ['eu', 'uk'] } })).toBe(true);
    expect(matches({ 'metadata.region': { $in: ['us'] } })).toBe(false);
    expect(matches({ 'metadata.absent': { $in: ['eu'] } })).toBe(false);
    expect(matches({ 'metadata.region': { $nin: ['us', 'ca'] } })).toBe(true);
    expect(matches({ 'metadata.region': { $nin: ['eu'] } })).toBe(false);
    expect(matches({ 'metadata.absent': { $nin: ['eu'] } })).toBe(true);
  });
  it('$regex without flags; a bad pattern or a missing value does not match', () => {
    expect(matches({ 'url.pathname': { $regex: '^/v1/chat' } })).toBe(true);
    expect(matches({ 'url.pathname': { $regex: '^/responses' } })).toBe(false);
    expect(matches({ 'params.model': { $regex: 'SMART' } })).toBe(false);
    expect(matches({ 'params.max_tokens': { $regex: '^5\\d{3}$' } })).toBe(true);
    expect(matches({ 'params.model': { $regex: '(' } })).toBe(false);
    expect(matches({ 'params.absent': { $regex: 'undefined' } })).toBe(false);
  });
  it('$and, $or and their mix', () => {
    expect(matches({ $and: [{ 'metadata.user_plan': 'paid' }, { 'metadata.region': 'eu' }] })).toBe(true);
    expect(matches({ $and: [{ 'metadata.user_plan': 'paid' }, { 'metadata.region': 'us' }] })).toBe(false);
    expect(matches({ $or: [{ 'params.temperature': { $gt: 0.9 } }, { 'params.model': 'smartest' }] })).toBe(true);
    expect(matches({ $or: [{ 'params.temperature': { $gt: 0.9 } }, { 'params.model': 'x' }] })).toBe(false);
    expect(
      matches({
        $or: [{ $and: [{ 'metadata.user_plan': 'free' }, { 'params.model': 'smartest' }] }, { 'params.max_tokens': { $gt: 1000 } }],
      }),
    ).toBe(true);
  });
  it('several keys are an implicit $and, and $or does not short-cut the keys beside it', () => {
    expect(matches({ 'metadata.user_plan': 'paid', 'metadata.region': 'eu' })).toBe(true);
    expect(matches({ 'metadata.user_plan': 'paid', 'metadata.region': 'us' })).toBe(false);
    expect(matches({ $or: [{ 'metadata.region': 'eu' }], 'metadata.user_plan': 'free' })).toBe(false);
  });
  it('several operators on one field must all hold', () => {
    expect(matches({ 'params.temperature': { $gt: 0.5, $lt: 0.9 } })).toBe(true);
    expect(matches({ 'params.temperature': { $gt: 0.5, $lt: 0.7 } })).toBe(false);
    expect(matches({ 'url.pathname': { $regex: 'chat', $ne: '/v1/chat/completions' } })).toBe(false);
  });
  it('metadata strings equal the numbers and booleans of the config', () => {
    expect(matches({ 'metadata.flag': { $eq: true } })).toBe(true);
    expect(matches({ 'metadata.count': 12 })).toBe(true);
    expect(looselyEqual('1', true)).toBe(false);
    expect(looselyEqual(null, undefined)).toBe(false);
  });
  it('an empty query matches', () => {
    expect(matches({})).toBe(true);
  });
});

describe('readQueryPath', () => {
  it('reads metadata, params and url.pathname', () => {
    expect(readQueryPath(context, 'metadata.user_plan')).toBe('paid');
    expect(readQueryPath(context, 'params.model')).toBe('smartest');
    expect(readQueryPath(context, 'url.pathname')).toBe('/v1/chat/completions');
  });
  it('walks nested params and array indexes', () => {
    expect(readQueryPath(context, 'params.messages.0.role')).toBe('system');
    expect(readQueryPath(context, 'params.messages.1.content')).toBe('hi');
    expect(readQueryPath(context, 'params.response_format.type')).toBe('json_object');
    expect(readQueryPath(context, 'params.messages.x.role')).toBeUndefined();
    expect(readQueryPath(context, 'params.messages.9.role')).toBeUndefined();
  });
  it('matches a metadata key holding dots whole', () => {
    expect(readQueryPath(context, 'metadata.team.name')).toBe('core');
  });
  it('never reads the prototype, unknown roots or bare keys', () => {
    expect(readQueryPath(context, 'params.constructor')).toBeUndefined();
    expect(readQueryPath(context, 'params.__proto__')).toBeUndefined();
    expect(readQueryPath(context, 'params.model.length')).toBeUndefined();
    expect(readQueryPath(context, 'headers.authorization')).toBeUndefined();
    expect(readQueryPath(context, 'metadata')).toBeUndefined();
  });
});
