import { describe, expect, it } from 'vitest';
import { checkOpenAICompatiblePreset } from './check-openai-compatible-preset.js';
import { testPreset } from './test-presets.test-support.js';

describe('checkOpenAICompatiblePreset', () => {
  it('accepts a sound preset', () => {
    expect(checkOpenAICompatiblePreset(testPreset())).toEqual([]);
    expect(checkOpenAICompatiblePreset(testPreset({}, { local: true, baseURL: 'http://127.0.0.1:1234/v1', auth: { none: true }, environment: {} }))).toEqual([]);
  });

  it('lists every problem', () => {
    const problems = checkOpenAICompatiblePreset(
      testPreset(
        { stripFields: ['messages'], reasoningInHistory: 'thinking-chunks' },
        { id: 'Bad Id', baseURL: 'http://api.example.com/v1/', environment: {}, aliases: ['Bad Id', 'ok-alias'], chatCompletionsPath: 'chat' },
      ),
    );
    expect(problems).toEqual([
      'id "Bad Id" must be lower-case letters, digits and dashes',
      'baseURL must be https for a hosted provider, not http:',
      'baseURL must not end with a slash (the path is appended)',
      'chatCompletionsPath "chat" must start with / and end with /chat/completions',
      'a hosted provider must name the environment variable of its API key',
      'alias "Bad Id" repeats the id',
      'alias "Bad Id" must be lower-case letters, digits and dashes',
      'stripFields cannot strip "messages"',
      'reasoningInHistory "thinking-chunks" needs contentAsArray (the server must read content arrays)',
    ]);
    expect(checkOpenAICompatiblePreset(testPreset({}, { local: true, baseURL: 'http://10.0.0.5:8000/v1' }))).toEqual([
      "a local preset's baseURL must be loopback, not 10.0.0.5",
    ]);
  });
});
