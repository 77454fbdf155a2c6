type Schema = Record<string, unknown>;

// The string formats constrained decoding understands; others are moved into the description.
// https://docs.claude.com/en/docs/build-with-claude/structured-outputs#json-schema-limitations
const supportedStringFormats = new Set(['date-time', 'time', 'date', 'duration', 'email', 'hostname', 'uri', 'ipv4', 'ipv6', 'uuid']);

export interface StrictSchemaResult {
  schema: Schema;
  /** Keywords Anthropic does not enforce, moved into `description` (deduplicated, in order seen). */
  moved: string[];
  /** Objects whose `additionalProperties` was missing or not false, now false. */
  closedObjects: number;
}

/**
 * Fits a JSON Schema to what Anthropic's structured outputs accept (`output_config.format`,
 * `strict: true` tools), the way Anthropic's own SDKs do (`transformJSONSchema`): keywords the
 * API refuses (minimum, maxLength, pattern-free formats, minItems > 1 …) are not dropped but
 * written into the node's description as `{minimum: 1}`, so the model still reads them;
 * `oneOf` becomes `anyOf`; every object gets `additionalProperties: false`, which the API
 * requires. The input is not modified.
 */
export function toAnthropicStrictSchema(schema: Schema): StrictSchemaResult {
  const moved = new Set<string>();
  const counter = { closedObjects: 0 };
  const result = transformNode(schema, moved, counter);
  return { schema: result, moved: [...moved], closedObjects: counter.closedObjects };
}

function transformNode(node: Schema, moved: Set<string>, counter: { closedObjects: number }): Schema {
  const rest: Schema = { ...node };
  const take = (key: string): unknown => {
    const value = rest[key];
    delete rest[key];
    return value;
  };
  const out: Schema = {};

  const ref = take('$ref');
  if (typeof ref === 'string') {
    out.$ref = ref;
    const description = take('description');
    if (description !== undefined) out.description = description;
    return out;
  }
  for (const defsKey of ['$defs', 'definitions']) {
    const defs = take(defsKey);
    if (isSchema(defs)) {
      out[defsKey] = Object.fromEntries(
        Object.entries(defs).map(([name, definition]) => [name, isSchema(definition) ? transformNode(definition, moved, counter) : definition]),
      );
    }
  }

  const type = take('type');
  const anyOf = take('anyOf');
  const oneOf = take('oneOf');
  const allOf = take('allOf');
  const variants = Array.isArray(anyOf) ? anyOf : Array.isArray(oneOf) ? oneOf : undefined;
  if (variants) out.anyOf = variants.map((variant) => (isSchema(variant) ? transformNode(variant, moved, counter) : variant));
  else if (Array.isArray(allOf)) out.allOf = allOf.map((entry) => (isSchema(entry) ? transformNode(entry, moved, counter) : entry));
  if (type !== undefined) out.type = type;

  for (const key of ['description', 'title', 'const', 'enum']) {
    const value = take(key);
    if (value !== undefined) out[key] = value;
  }

  if (hasType(type, 'object')) {
    const properties = take('properties');
    out.properties = isSchema(properties)
      ? Object.fromEntries(
          Object.entries(properties).map(([name, property]) => [name, isSchema(property) ? transformNode(property, moved, counter) : property]),
        )
      : {};
    if (take('additionalProperties') !== false) counter.closedObjects++;
    out.additionalProperties = false;
    const required = take('required');
    if (required !== undefined) out.required = required;
  }
  if (hasType(type, 'string')) {
    const format = rest.format;
    if (typeof format === 'string' && supportedStringFormats.has(format)) out.format = take('format');
  }
  if (hasType(type, 'array')) {
    const items = take('items');
    if (isSchema(items)) out.items = transformNode(items, moved, counter);
    else if (items !== undefined) out.items = items;
    const minItems = rest.minItems;
    if (minItems === 0 || minItems === 1) out.minItems = take('minItems');
  }

  const leftover = Object.entries(rest);
  if (leftover.length > 0) {
    for (const [key] of leftover) moved.add(key);
    const constraints = `{${leftover.map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join(', ')}}`;
    out.description = typeof out.description === 'string' && out.description !== '' ? `${out.description}\n\n${constraints}` : constraints;
  }
  return out;
}

function hasType(type: unknown, wanted: string): boolean {
  return type === wanted || (Array.isArray(type) && type.includes(wanted));
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
