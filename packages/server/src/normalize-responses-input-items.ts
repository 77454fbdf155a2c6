type Json = Record<string, unknown>;

// OpenAI's id prefixes by item type; anything newer gets the generic one.
const idPrefixes: Readonly<Record<string, string>> = {
  message: 'msg',
  function_call: 'fc',
  function_call_output: 'fco',
  reasoning: 'rs',
  item_reference: 'ref',
};

/**
 * A Responses `input` as the item objects `GET /v1/responses/{id}/input_items` lists: a
 * string becomes one user message, an item with a role but no type is a message, string
 * contents become one `input_text` (`output_text` for the assistant) part, and an item
 * without an `id` gets one derived from the response id and its position — stable, so the
 * list's cursors keep working — in OpenAI's prefix for its type. Nothing else is changed.
 */
export function normalizeResponsesInputItems(input: unknown, responseId: string): Json[] {
  const base = responseId.startsWith('resp_') ? responseId.slice('resp_'.length) : responseId;
  const items: unknown[] = typeof input === 'string' ? [{ type: 'message', role: 'user', content: input }] : Array.isArray(input) ? input : [];
  return items.map((raw, index) => {
    const item: Json = typeof raw === 'object' && raw !== null ? { ...(raw as Json) } : { type: 'unknown', value: raw };
    if (item.type === undefined && 'role' in item) item.type = 'message';
    if (item.type === 'message' && typeof item.content === 'string') {
      item.content = [{ type: item.role === 'assistant' ? 'output_text' : 'input_text', text: item.content }];
    }
    if (typeof item.id === 'string' && item.id !== '') return item;
    const { id: _absent, ...rest } = item;
    return { id: `${idPrefixes[String(item.type)] ?? 'item'}_${base}_input_${index}`, ...rest };
  });
}
