export interface PreparedCohereJsonSchema {
  schema: Record<string, unknown>;
  /** Keywords taken out (or rewritten), for the warning. */
  removed: string[];
}

/*
 * Cohere compiles a schema it must follow (response_format json_schema, strict_tools) and
 * refuses parts of JSON Schema it does not support
 * (https://docs.cohere.com/docs/structured-outputs#unsupported-schema-features): numeric ranges,
 * array and string length ranges, `^` / `$` in patterns, and string formats other than
 * date-time, uuid, date and time. Those are taken out — they only narrow what a valid answer
 * is, so the rest still describes it. `oneOf` becomes `anyOf` (the same values when the
 * alternatives do not overlap, which is how schemas use it). `allOf` and `not` have no faithful
 * rewrite and go as they are, for Cohere to answer with its own error.
 */
const rangeKeywords = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'minLength', 'maxLength']);
const supportedFormats = new Set(['date-time', 'uuid', 'date', 'time']);
const schemaKeywords = new Set(['items', 'additionalProperties', 'not', 'contains', 'propertyNames', 'additionalItems', 'unevaluatedItems', 'unevaluatedProperties', 'if', 'then', 'else']);
const schemaListKeywords = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);
const schemaMapKeywords = new Set(['properties', '$defs', 'definitions', 'patternProperties', 'dependentSchemas']);

/** The schema made ready for Cohere's constrained decoding; the input is never modified. */
export function prepareCohereJsonSchema(schema: Record<string, unknown>): PreparedCohereJsonSchema {
  const removed = new Set<string>();
  const prepared = prepareNode(schema, removed) as Record<string, unknown>;
  return { schema: prepared, removed: [...removed].sort() };
}

function prepareNode(node: unknown, removed: Set<string>): unknown {
  if (!isObject(node)) return node;
  const prepared: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (rangeKeywords.has(key)) {
      removed.add(key);
    } else if (key === 'format' && typeof value === 'string' && !supportedFormats.has(value)) {
      removed.add(`format: ${value}`);
    } else if (key === 'pattern' && typeof value === 'string') {
      const unanchored = value.replace(/^\^/, '').replace(/(?<!\\)\$$/, '');
      if (unanchored !== value) removed.add('pattern anchors (^ $)');
      prepared.pattern = unanchored;
    } else if (schemaKeywords.has(key)) {
      prepared[key] = Array.isArray(value) ? value.map((child) => prepareNode(child, removed)) : prepareNode(value, removed);
    } else if (schemaListKeywords.has(key) && Array.isArray(value)) {
      const children = value.map((child) => prepareNode(child, removed));
      if (key === 'oneOf' && !('anyOf' in node)) {
        removed.add('oneOf (sent as anyOf)');
        prepared.anyOf = children;
      } else prepared[key] = children;
    } else if (schemaMapKeywords.has(key) && isObject(value)) {
      prepared[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, prepareNode(child, removed)]));
    } else prepared[key] = value;
  }
  return prepared;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
