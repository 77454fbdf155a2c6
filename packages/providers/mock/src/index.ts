import { randomUUID } from 'node:crypto';
import { defineProvider } from '@switchyard/core';
import { buildMockReply } from './mock-reply.js';
import { streamMockReply } from './mock-stream.js';

/**
 * The built-in `mock` provider: no network, no key, a deterministic echo (see mock-reply.ts).
 * It is the gateway's default so a new user can try every feature before adding a key.
 */
export function createMockProvider() {
  return defineProvider({
    id: 'mock',
    name: 'Mock (built-in deterministic echo, no network)',
    models: ['echo-1'],
    description: 'Answers `echo: <last user message>`, streamed word by word; calls every offered tool when asked to "call tools".',
    local: true,
    capabilities: {
      chat: {
        streaming: true,
        tools: true,
        parallelTools: true,
        images: true,
        files: true,
        audio: true,
        reasoning: false,
        jsonObject: false,
        jsonSchema: false,
      },
    },
    chat: {
      async generate(request) {
        return buildMockReply(request, `mock-${randomUUID()}`);
      },
      async stream(request, context) {
        const reply = buildMockReply(request, `mock-${randomUUID()}`);
        return { events: streamMockReply(reply, context.signal) };
      },
    },
  });
}

export { buildMockReply } from './mock-reply.js';
