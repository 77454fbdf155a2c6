import { isJsonObject } from './mock-request.js';
import { mockThinkingSignature } from './plan-anthropic-reply.js';

export interface AnthropicRequestProblem {
  status: number;
  type: string;
  message: string;
}

const filesBeta = 'files-api-2025-04-14';
const structuredOutputsBeta = 'structured-outputs-2025-11-13';

/**
 * The checks of the real Messages API that an adapter can get wrong, with the API's wording
 * where it is known: required header and fields, thinking limits, signatures of thinking
 * blocks sent back (the mock verifies its own, as the API does), the thinking block a tool
 * loop must keep, tool_result ↔ tool_use pairing, and the betas some fields need.
 */
export function validateAnthropicRequest(body: any, headers: Record<string, string>): AnthropicRequestProblem | undefined {
  const invalid = (message: string): AnthropicRequestProblem => ({ status: 400, type: 'invalid_request_error', message });
  if (!headers['anthropic-version']) return invalid('anthropic-version: header is required');
  if (!isJsonObject(body)) {
    return invalid('There was an error parsing the body of your request: the body must be a JSON object.');
  }
  if (typeof body.model !== 'string' || body.model === '') return invalid('model: Field required');
  if (body.max_tokens === undefined) return invalid('max_tokens: Field required');
  if (!Number.isInteger(body.max_tokens) || body.max_tokens < 1) return invalid('max_tokens: Input should be greater than or equal to 1');
  if (!Array.isArray(body.messages)) return invalid('messages: Field required');
  const betas = (headers['anthropic-beta'] ?? '').split(',').map((beta) => beta.trim());

  const thinking = body.thinking?.type === 'enabled';
  if (thinking) {
    const budget = body.thinking.budget_tokens;
    if (!Number.isInteger(budget) || budget < 1024) return invalid('thinking.enabled.budget_tokens: Input should be greater than or equal to 1024');
    if (body.max_tokens <= budget) {
      return invalid(
        '`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size',
      );
    }
    if (body.temperature !== undefined && body.temperature !== 1) {
      return invalid('`temperature` may only be set to 1 when thinking is enabled or in interleaved thinking mode.');
    }
    if (body.top_k !== undefined) return invalid('`top_k` is not supported when thinking is enabled.');
  }
  if (body.output_format !== undefined && !betas.includes(structuredOutputsBeta)) {
    return invalid('output_format: Extra inputs are not permitted');
  }

  const messages: any[] = body.messages;
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index];
    if (message?.role !== 'user' && message?.role !== 'assistant') return invalid(`messages.${index}.role: Input should be 'user' or 'assistant'`);
    const blocks: any[] = typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
    if (!Array.isArray(blocks)) return invalid(`messages.${index}.content: Input should be a valid list`);
    for (let position = 0; position < blocks.length; position++) {
      const block = blocks[position];
      const path = `messages.${index}.content.${position}`;
      if (block?.type === 'text' && block.text === '') return invalid('messages: text content blocks must be non-empty');
      if (block?.type === 'thinking' && block.signature !== mockThinkingSignature(String(block.thinking))) {
        return invalid(`${path}: Invalid \`signature\` in \`thinking\` block`);
      }
      if (block?.type === 'redacted_thinking' && !Buffer.from(String(block.data), 'base64').toString('utf8').startsWith('mock-redacted:')) {
        return invalid(`${path}: Invalid \`data\` in \`redacted_thinking\` block`);
      }
      if (usesFile(block) && !betas.includes(filesBeta)) {
        return invalid(`${path}.source: file sources need the anthropic-beta header ${filesBeta}`);
      }
    }
    const pairing = checkToolPairing(messages, index, blocks);
    if (pairing) return invalid(pairing);
  }

  if (thinking) {
    let last = -1;
    for (let index = messages.length - 1; index >= 0 && last === -1; index--) if (messages[index]?.role === 'assistant') last = index;
    const blocks: any[] = last === -1 || typeof messages[last].content === 'string' ? [] : messages[last].content;
    const first = blocks[0]?.type;
    if (blocks.some((block) => block?.type === 'tool_use') && first !== 'thinking' && first !== 'redacted_thinking') {
      return invalid(
        `messages.${last}.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`${String(first)}\`. When \`thinking\` is enabled, a final \`assistant\` message must start with a thinking block (preceeding the lastmost set of \`tool_use\` and \`tool_result\` blocks). We recommend you include thinking blocks from previous turns. To avoid this requirement, disable \`thinking\`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking`,
      );
    }
  }
  return undefined;
}

function checkToolPairing(messages: any[], index: number, blocks: any[]): string | undefined {
  const message = messages[index];
  if (message.role === 'user') {
    const previous = messages[index - 1];
    const previousBlocks: any[] = previous?.role === 'assistant' && Array.isArray(previous.content) ? previous.content : [];
    const callIds = new Set(previousBlocks.filter((block) => block?.type === 'tool_use').map((block) => block.id));
    let seenOther = false;
    for (let position = 0; position < blocks.length; position++) {
      const block = blocks[position];
      if (block?.type !== 'tool_result') {
        seenOther = true;
        continue;
      }
      if (seenOther) return `messages.${index}.content.${position}: \`tool_result\` blocks must come before any other content in a user message.`;
      if (!callIds.has(block.tool_use_id)) {
        return `messages.${index}.content.${position}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${String(block.tool_use_id)}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`;
      }
    }
    return undefined;
  }
  const next = messages[index + 1];
  if (!next) return undefined;
  const answered = new Set((Array.isArray(next.content) ? next.content : []).filter((block: any) => block?.type === 'tool_result').map((block: any) => block.tool_use_id));
  const missing = blocks.filter((block) => block?.type === 'tool_use' && !answered.has(block.id)).map((block) => block.id);
  if (missing.length > 0) {
    return `messages.${index}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
  }
  return undefined;
}

function usesFile(block: any): boolean {
  if (block?.source?.type === 'file') return true;
  return Array.isArray(block?.content) && block.content.some((inner: any) => inner?.source?.type === 'file');
}
