type Json = Record<string, unknown>;

export interface OpenAIResponsesObjectFields {
  id: string;
  createdAt: number;
  model: string;
  status: string;
  output: Json[];
  usage: Json | null;
  error: Json | null;
  incompleteDetails: Json | null;
  /** Omitted when the provider said nothing about it. */
  serviceTier?: string | null;
  /** The request echo (openai-responses-request-echo.ts) with a Responses upstream's own keys laid over it. */
  echo: Json;
}

/**
 * A Response object (`object: 'response'`), the shape of the non-streamed answer and of the
 * `response` in every lifecycle stream event. The canonical fields always win over the echo,
 * so an upstream's stale `status` or `output` can never leak through.
 * https://platform.openai.com/docs/api-reference/responses/object
 */
export function buildOpenAIResponsesObject(fields: OpenAIResponsesObjectFields): Json {
  const body: Json = {
    id: fields.id,
    object: 'response',
    created_at: fields.createdAt,
    status: fields.status,
    error: fields.error,
    incomplete_details: fields.incompleteDetails,
    model: fields.model,
    output: fields.output,
  };
  if (fields.serviceTier !== undefined) body.service_tier = fields.serviceTier;
  body.usage = fields.usage;
  for (const [key, value] of Object.entries(fields.echo)) {
    if (!(key in body)) body[key] = value;
  }
  return body;
}
