/**
 * A JSON Schema made ready for `parametersJsonSchema` / `responseJsonSchema`, the fields
 * that take plain JSON Schema. The Gemini API accepts the whole vocabulary there and applies
 * what it supports ($defs, $ref, anyOf/oneOf, additionalProperties, type arrays, enum,
 * format, min/max…); other keywords are accepted and ignored — recordings show `$schema`,
 * `pattern`, `minLength` and `additionalProperties: false` answered 200. One documented rule
 * is enforced though: "If $ref is set on a sub-schema, no other properties, except for those
 * starting as a $, may be set" (https://ai.google.dev/api/generate-content#FIELDS.response_json_schema).
 * Pydantic and zod emit `{ $ref, description }` all the time, so such a node becomes
 * `{ anyOf: [{ $ref }], description }`: the same meaning, in a shape Gemini takes.
 *
 * The input is never modified.
 */
export function prepareGoogleJsonSchema(schema: Record<string, unknown>): Record<string, unknown> {
  return prepareNode(schema) as Record<string, unknown>;
}

// Keywords whose value is one schema, a list of schemas, or a map of name → schema.
const schemaKeywords = new Set(['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems']);
const schemaListKeywords = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);
const schemaMapKeywords = new Set(['properties', '$defs', 'definitions', 'patternProperties', 'dependentSchemas']);

function prepareNode(node: unknown): unknown {
  if (!isObject(node)) return node;
  const prepared: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (schemaKeywords.has(key)) prepared[key] = Array.isArray(value) ? value.map(prepareNode) : prepareNode(value);
    else if (schemaListKeywords.has(key) && Array.isArray(value)) prepared[key] = value.map(prepareNode);
    else if (schemaMapKeywords.has(key) && isObject(value)) {
      prepared[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, prepareNode(child)]));
    } else prepared[key] = value;
  }
  if (typeof prepared.$ref === 'string' && !('anyOf' in prepared)) {
    const reference: Record<string, unknown> = {};
    const rest: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(prepared)) (key.startsWith('$') ? reference : rest)[key] = value;
    // (A node with both $ref and anyOf means "both"; no faithful rewrite exists, so it goes as it came.)
    if (Object.keys(rest).length > 0) return { anyOf: [reference], ...rest };
  }
  return prepared;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
