import { type ChatMessage, InvalidRequestError } from '@switchyard/core';

/**
 * TGI's native API takes one prompt string, so the conversation is rendered with a chat
 * template first. ChatML (`<|im_start|>role\ntext<|im_end|>`) is what most instruction-tuned
 * open models served by TGI were trained on; the prompt ends with an open assistant turn for
 * the model to complete. A model with another template is served through TGI's own
 * `/v1/chat/completions` instead (the openai-compatible adapter), which applies the model's
 * template server-side.
 */
export function buildTgiPrompt(messages: readonly ChatMessage[]): string {
  const turns = messages.map((message, index) => {
    const parts = message.content.map((part) => {
      if (part.type === 'text') return part.text;
      throw new InvalidRequestError(`messages[${index}]: TGI's text prompt cannot carry a part of type "${part.type}"`, { param: `messages[${index}].content` });
    });
    const role = message.role === 'developer' ? 'system' : message.role;
    return `<|im_start|>${role}\n${parts.join('\n')}<|im_end|>\n`;
  });
  return `${turns.join('')}<|im_start|>assistant\n`;
}

