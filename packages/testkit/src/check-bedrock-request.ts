import { isJsonObject } from './mock-request.js';
import { mockReasoningSignature } from './plan-bedrock-reply.js';

/**
 * The ValidationException messages Bedrock answers for a malformed Converse body (the wording of
 * the live API), so adapter tests see the mock refuse what AWS refuses. Undefined when the body passes.
 */
export function checkBedrockRequest(body: any): string | undefined {
  if (!isJsonObject(body)) return 'Malformed input request, please reformat your input and try again.';
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    return 'A conversation must start with a user message. Try again with a conversation that starts with a user message.';
  }
  if (messages[0]?.role !== 'user') {
    return 'A conversation must start with a user message. Try again with a conversation that starts with a user message.';
  }
  let toolBlocks = false;
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index];
    if (message?.role !== 'user' && message?.role !== 'assistant') return `Value at 'messages.${index + 1}.member.role' failed to satisfy constraint.`;
    if (index > 0 && messages[index - 1].role === message.role) {
      return 'A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.';
    }
    if (!Array.isArray(message.content) || message.content.length === 0) {
      return `The content field in the Message object at messages.${index} is empty. Add a ContentBlock object to the content field and try again.`;
    }
    for (let blockIndex = 0; blockIndex < message.content.length; blockIndex++) {
      const block = message.content[blockIndex];
      if (typeof block?.text === 'string' && block.text.trim() === '') {
        return `The text field in the ContentBlock object at messages.${index}.content.${blockIndex} is blank. Add text to the text field, and try again.`;
      }
      if (block?.toolUse || block?.toolResult) toolBlocks = true;
      if (block?.toolUse && message.role !== 'assistant') return 'toolUse blocks can only be sent in assistant messages.';
      if (block?.toolResult && message.role !== 'user') return 'toolResult blocks can only be sent in user messages.';
      const reasoning = block?.reasoningContent?.reasoningText;
      if (reasoning && reasoning.signature !== mockReasoningSignature(reasoning.text ?? '')) {
        return `messages.${index}.content.${blockIndex}: Invalid \`signature\` in \`thinking\` block`;
      }
    }
  }
  if (toolBlocks && !body.toolConfig) return 'The toolConfig field must be defined when using toolUse and toolResult content blocks.';
  return undefined;
}
