import { describe, expect, it } from 'vitest';
import { bedrockModelFamily } from './bedrock-model-family.js';

describe('bedrockModelFamily', () => {
  it.each([
    ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'anthropic'],
    ['us.anthropic.claude-sonnet-4-20250514-v1:0', 'anthropic'],
    ['global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'anthropic'],
    ['arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0', 'anthropic'],
    ['arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0', 'anthropic'],
    ['us.amazon.nova-micro-v1:0', 'amazon-nova'],
    ['us-gov.anthropic.claude-3-haiku-20240307-v1:0', 'anthropic'],
    ['amazon.titan-text-express-v1', 'other'],
    ['openai.gpt-oss-120b-1:0', 'openai'],
    ['meta.llama3-70b-instruct-v1:0', 'other'],
    ['arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3', 'other'],
  ] as const)('%s -> %s', (modelId, family) => {
    expect(bedrockModelFamily(modelId)).toBe(family);
  });
});
