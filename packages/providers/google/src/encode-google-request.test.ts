import type { ChatRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { encodeGoogleRequest } from './encode-google-request.js';

describe('encodeGoogleRequest', () => {
  it('builds the whole body: system instruction, contents, tools, tool config and generation config', () => {
    const request: ChatRequest = {
      model: 'gemini-2.5-flash',
      stream: false,
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'be brief' }] },
        { role: 'user', content: [{ type: 'text', text: 'weather in Paris?' }] },
      ],
      tools: [{ name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
      toolChoice: { type: 'required' },
      temperature: 0.2,
      maxOutputTokens: 100,
    };
    expect(encodeGoogleRequest(request)).toEqual({
      body: {
        contents: [{ role: 'user', parts: [{ text: 'weather in Paris?' }] }],
        systemInstruction: { parts: [{ text: 'be brief' }] },
        tools: [{ functionDeclarations: [{ name: 'get_weather', parametersJsonSchema: { type: 'object', properties: { city: { type: 'string' } } } }] }],
        toolConfig: { functionCallingConfig: { mode: 'ANY' } },
        generationConfig: { temperature: 0.2, maxOutputTokens: 100 },
      },
      warnings: [],
    });
  });

  it('copies other providerOptions.google fields onto the body and warns about format-only extras, user and metadata', () => {
    const { body, warnings } = encodeGoogleRequest({
      model: 'gemini-2.5-flash',
      stream: true,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      user: 'u-1',
      metadata: { team: 'a' },
      providerOptions: {
        google: { safetySettings: [{ category: 'HARM_CATEGORY_HATE_SPEECH', threshold: 'BLOCK_NONE' }], cachedContent: 'cachedContents/abc' },
        'openai-chat': { logit_bias: { '50256': -100 } },
        anthropic: { ignored: true },
      },
    });
    expect(body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'hi' }] }],
      safetySettings: [{ category: 'HARM_CATEGORY_HATE_SPEECH', threshold: 'BLOCK_NONE' }],
      cachedContent: 'cachedContents/abc',
    });
    expect(warnings.map((warning) => warning.field)).toEqual(['logit_bias', 'user', 'metadata']);
  });
});
