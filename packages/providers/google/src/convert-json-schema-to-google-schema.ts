/**
 * JSON Schema → Gemini's `Schema` object, the "select subset of OpenAPI 3.0" taken by
 * `parameters` and `responseSchema` (https://ai.google.dev/api/caching#Schema). Used when
 * `schemaMode: 'openapi'` is chosen, for deployments or models that do not take the JSON
 * Schema fields (see prepare-google-tools.ts for why JSON Schema is the default).
 *
 * The Schema object rejects any key it does not define ("Unknown name …: Cannot find field"),
 * so everything is rebuilt from an allow-list:
 * - `type` becomes upper case; `["string", "null"]` becomes `STRING` + `nullable`, several
 *   non-null types an `anyOf`; `anyOf: [X, {type: null}]` becomes X + `nullable`.
 * - `$ref` is inlined from `$defs` / `definitions` (a recursive reference cannot be; it ends
 *   in a bare OBJECT); `oneOf` is read as `anyOf`; a one-element `allOf` is inlined.
 * - `const` becomes a one-value `enum`; `examples[0]` becomes `example`.
 * - `format` is kept only where Gemini takes it (STRING: enum, date-time; INTEGER: int32,
 *   int64; NUMBER: float, double).
 * - Everything else ($schema, additionalProperties, exclusiveMinimum, multipleOf, not,
 *   patternProperties, tuple `items`, prefixItems, non-string enums …) is dropped and named
 *   in `dropped`, so the caller can warn.
 */
export interface ConvertedGoogleSchema {
  schema: Record<string, unknown>;
  /** Keywords removed, each once, in the order met. */
  dropped: string[];
}

export function convertJsonSchemaToGoogleSchema(schema: Record<string, unknown>): ConvertedGoogleSchema {
  const context: Context = { root: schema, dropped: new Set(), resolving: [] };
  return { schema: convertNode(schema, context), dropped: [...context.dropped] };
}

interface Context {
  root: Record<string, unknown>;
  dropped: Set<string>;
  /** The $refs being inlined, to stop at a cycle. */
  resolving: string[];
}

// Copied as they are: the Schema object defines them with the JSON Schema meaning.
const keptAsIs = [
  'title',
  'description',
  'nullable',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'minProperties',
  'maxProperties',
  'default',
  'example',
  'propertyOrdering',
];
// Handled below, or pure metadata whose removal loses nothing.
const handled = new Set([
  ...keptAsIs,
  'type',
  'format',
  'enum',
  'const',
  'examples',
  'properties',
  'required',
  'items',
  'anyOf',
  'oneOf',
  'allOf',
  '$ref',
  '$defs',
  'definitions',
  '$schema',
  '$id',
  '$comment',
]);

const formatsByType: Readonly<Record<string, readonly string[]>> = {
  STRING: ['enum', 'date-time'],
  INTEGER: ['int32', 'int64'],
  NUMBER: ['float', 'double'],
};

function convertNode(node: unknown, context: Context): Record<string, unknown> {
  if (node === true || node === undefined) return {};
  if (!isObject(node)) {
    context.dropped.add(node === false ? 'false schema' : 'non-object schema');
    return {};
  }
  if (typeof node.$ref === 'string') return convertReference(node, context);

  const converted: Record<string, unknown> = {};
  for (const key of Object.keys(node)) if (!handled.has(key)) context.dropped.add(key);

  if (Array.isArray(node.allOf)) {
    if (node.allOf.length === 1) Object.assign(converted, convertNode(node.allOf[0], context));
    else context.dropped.add('allOf');
  }

  applyType(node, converted, context);
  for (const key of keptAsIs) if (node[key] !== undefined) converted[key] = node[key];
  if (converted.example === undefined && Array.isArray(node.examples) && node.examples.length > 0) converted.example = node.examples[0];

  applyEnum(node, converted, context);
  applyFormat(node, converted, context);

  if (isObject(node.properties)) {
    converted.properties = Object.fromEntries(
      Object.entries(node.properties).map(([name, child]) => [name, convertNode(child, context)]),
    );
  }
  if (Array.isArray(node.required)) converted.required = node.required.filter((name) => typeof name === 'string');
  if (node.items !== undefined) {
    if (Array.isArray(node.items)) context.dropped.add('items (tuple)');
    else converted.items = convertNode(node.items, context);
  }

  const alternatives = Array.isArray(node.anyOf) ? node.anyOf : Array.isArray(node.oneOf) ? node.oneOf : undefined;
  if (alternatives) applyAlternatives(alternatives, converted, context);
  return converted;
}

function applyType(node: Record<string, unknown>, converted: Record<string, unknown>, context: Context): void {
  const types = typeof node.type === 'string' ? [node.type] : Array.isArray(node.type) ? node.type.filter(isString) : [];
  if (types.length === 0) return;
  const nonNull = types.filter((type) => type !== 'null');
  if (nonNull.length < types.length) converted.nullable = true;
  if (nonNull.length === 1) converted.type = nonNull[0]!.toUpperCase();
  else if (nonNull.length > 1) converted.anyOf = nonNull.map((type) => ({ type: type.toUpperCase() }));
  else {
    // `{type: "null"}` alone: Gemini has a NULL type.
    converted.type = 'NULL';
    delete converted.nullable;
  }
}

function applyEnum(node: Record<string, unknown>, converted: Record<string, unknown>, context: Context): void {
  if (node.const !== undefined) {
    if (typeof node.const === 'string') {
      converted.enum = [node.const];
      converted.type ??= 'STRING';
    } else context.dropped.add('const');
  }
  if (!Array.isArray(node.enum)) return;
  const strings = node.enum.filter(isString);
  const hasNull = node.enum.includes(null);
  if (strings.length + (hasNull ? 1 : 0) === node.enum.length && strings.length > 0) {
    converted.enum = strings;
    if (hasNull) converted.nullable = true;
    // Gemini's enum is for strings: a missing type is STRING, as the values are.
    converted.type ??= 'STRING';
  } else context.dropped.add('enum (non-string values)');
}

function applyFormat(node: Record<string, unknown>, converted: Record<string, unknown>, context: Context): void {
  if (typeof node.format !== 'string') return;
  const allowed = typeof converted.type === 'string' ? formatsByType[converted.type] : undefined;
  if (allowed?.includes(node.format)) converted.format = node.format;
  else context.dropped.add(`format (${node.format})`);
}

function applyAlternatives(alternatives: unknown[], converted: Record<string, unknown>, context: Context): void {
  const isNullBranch = (branch: unknown) => isObject(branch) && branch.type === 'null' && Object.keys(branch).length === 1;
  const branches = alternatives.filter((branch) => !isNullBranch(branch));
  if (branches.length < alternatives.length) converted.nullable = true;
  if (branches.length === 1) {
    // `Optional[X]` as Pydantic writes it: X itself, nullable.
    const single = convertNode(branches[0], context);
    for (const [key, value] of Object.entries(single)) if (converted[key] === undefined) converted[key] = value;
    return;
  }
  if (branches.length > 1) converted.anyOf = branches.map((branch) => convertNode(branch, context));
}

function convertReference(node: Record<string, unknown>, context: Context): Record<string, unknown> {
  const reference = node.$ref as string;
  const target = resolveReference(reference, context.root);
  const siblings = Object.fromEntries(Object.entries(node).filter(([key]) => key !== '$ref'));
  if (!target) {
    context.dropped.add(`$ref (${reference})`);
    return convertNode(siblings, context);
  }
  if (context.resolving.includes(reference)) {
    // Gemini's Schema has no references, and a recursive one cannot be inlined forever.
    context.dropped.add(`$ref (recursive ${reference})`);
    return { type: 'OBJECT', ...pick(siblings, ['description', 'title', 'nullable']) };
  }
  context.resolving.push(reference);
  try {
    // Keywords beside the $ref (a description, usually) refine the referenced schema.
    return { ...convertNode(target, context), ...convertNode(siblings, context) };
  } finally {
    context.resolving.pop();
  }
}

function resolveReference(reference: string, root: Record<string, unknown>): unknown {
  if (reference === '#') return root;
  if (!reference.startsWith('#/')) return undefined;
  let current: unknown = root;
  for (const segment of reference.slice(2).split('/')) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(current) || !(key in current)) return undefined;
    current = current[key];
  }
  return current;
}

function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
