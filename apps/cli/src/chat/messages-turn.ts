import { createSseParser } from '@switchyard/core';
import { CliError } from '../cli-io.js';
import type { ChatTurn, ChatTurnResult } from './chat-turn.js';

/**
 * One turn over Anthropic Messages, spoken over fetch (the CLI does not carry @anthropic-ai/sdk):
 * POST /v1/messages, the SSE stream read with core's parser, the final message rebuilt from its events.
 */
export async function messagesTurn(turn: ChatTurn, stream: boolean): Promise<ChatTurnResult> {
  const body = {
    model: turn.model,
    max_tokens: turn.maxTokens ?? 1024,
    ...(turn.system && { system: turn.system }),
    messages: turn.messages,
    stream,
  };
  const response = await turn.gateway.fetch(`${turn.gateway.baseURL}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': turn.gateway.apiKey, 'anthropic-version': '2023-06-01' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new CliError(`The gateway answered ${response.status}: ${errorMessage(await response.text())}`);
  if (!stream) {
    const message = (await response.json()) as { content?: Array<{ type: string; text?: string }> };
    return { text: textOf(message.content), answer: message };
  }
  if (!response.body) throw new CliError('The gateway sent an empty stream');
  const parser = createSseParser();
  let message: { content: Array<{ type: string; text?: string }>; [key: string]: unknown } | undefined;
  const handle = (data: string) => {
    const event = JSON.parse(data) as Record<string, any>;
    switch (event.type) {
      case 'message_start':
        message = { ...event.message, content: [] };
        break;
      case 'content_block_start':
        message?.content.splice(event.index, 0, { ...event.content_block });
        break;
      case 'content_block_delta':
        if (event.delta?.type === 'text_delta') {
          turn.onText(event.delta.text);
          const block = message?.content[event.index];
          if (block) block.text = (block.text ?? '') + event.delta.text;
        }
        break;
      case 'message_delta':
        if (message) Object.assign(message, event.delta, { usage: { ...(message.usage as object), ...event.usage } });
        break;
      case 'error':
        throw new CliError(`The gateway's stream ended with an error: ${event.error?.message ?? data}`);
    }
  };
  for await (const chunk of response.body) for (const frame of parser.push(chunk)) handle(frame.data);
  for (const frame of parser.end()) handle(frame.data);
  return { text: textOf(message?.content), answer: message };
}

function textOf(content: Array<{ type: string; text?: string }> | undefined): string {
  return (content ?? []).filter((block) => block.type === 'text').map((block) => block.text ?? '').join('');
}

function errorMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: string } };
    return parsed.error?.message ?? text;
  } catch {
    return text;
  }
}
