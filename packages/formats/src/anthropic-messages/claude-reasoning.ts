/**
 * Whether a reasoning part was made by Claude, so its signature and redacted data mean
 * something to a Messages client or upstream. Claude signs its thinking the same way on every
 * platform it runs on (Anthropic's API, Vertex AI — decoded as 'anthropic' — and Bedrock, whose
 * reasoningContent signature and redactedContent are Claude's own); a Messages client must get
 * Bedrock's signature back, or the next turn to Bedrock carries an empty one and is refused.
 * Reasoning with no provider named is taken as Claude's. Any other provider's (Gemini thought
 * signatures, OpenAI encrypted content) would not verify.
 */
export function isClaudeReasoning(provider: string | undefined): boolean {
  return provider === undefined || provider === 'anthropic' || provider === 'bedrock';
}
