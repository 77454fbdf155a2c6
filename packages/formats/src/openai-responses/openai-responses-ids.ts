/**
 * Ids for Responses objects built from another provider's answer.
 *
 * The response id is the canonical id, kept as it is when it already looks like a Responses
 * id (`resp_…`, the answer came from a Responses upstream) and otherwise prefixed with
 * `resp_`, because clients and OpenAI's own tooling tell object kinds apart by that prefix.
 * The upstream id stays readable inside it (`resp_msg_01…` for an Anthropic answer) rather
 * than being replaced by an invented one.
 *
 * Output items need ids of their own (`msg_`, `fc_`, `rs_`, as OpenAI names them) that no
 * other provider gives; they are derived from the response id and the item's output index,
 * so the same answer always gets the same ids, streamed or not.
 */
export function toOpenAIResponsesId(id: string): string {
  return id.startsWith('resp_') ? id : `resp_${id}`;
}

export type OpenAIResponsesItemKind = 'message' | 'function_call' | 'reasoning';

const prefixFor: Readonly<Record<OpenAIResponsesItemKind, string>> = {
  message: 'msg',
  function_call: 'fc',
  reasoning: 'rs',
};

export function deriveOpenAIResponsesItemId(responseId: string, kind: OpenAIResponsesItemKind, outputIndex: number): string {
  const base = responseId.startsWith('resp_') ? responseId.slice('resp_'.length) : responseId;
  return `${prefixFor[kind]}_${base}_${outputIndex}`;
}
