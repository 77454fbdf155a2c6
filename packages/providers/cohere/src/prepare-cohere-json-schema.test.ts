import { describe, expect, it } from 'vitest';
import { prepareCohereJsonSchema } from './prepare-cohere-json-schema.js';

describe('prepareCohereJsonSchema', () => {
  it('removes ranges, length limits, unsupported formats and pattern anchors, everywhere in the tree', () => {
    const schema = {
      type: 'object',
      properties: {
        age: { type: 'integer', minimum: 0, maximum: 150 },
        tags: { type: 'array', items: { type: 'string', maxLength: 10, format: 'email' }, minItems: 1 },
        when: { type: 'string', format: 'date-time' },
        code: { type: 'string', pattern: '^[A-Z]{3}$' },
        minimum: { type: 'number' },
      },
      required: ['age'],
    };
    const prepared = prepareCohereJsonSchema(schema);
    expect(prepared.schema).toEqual({
      type: 'object',
      properties: {
        age: { type: 'integer' },
        tags: { type: 'array', items: { type: 'string' } },
        when: { type: 'string', format: 'date-time' },
        code: { type: 'string', pattern: '[A-Z]{3}' },
        minimum: { type: 'number' },
      },
      required: ['age'],
    });
    expect(prepared.removed).toEqual(['format: email', 'maxLength', 'maximum', 'minItems', 'minimum', 'pattern anchors (^ $)']);
    // The input is left as it was.
    expect(schema.properties.age).toEqual({ type: 'integer', minimum: 0, maximum: 150 });
  });

  it('sends oneOf as anyOf and leaves allOf for Cohere to judge', () => {
    const prepared = prepareCohereJsonSchema({ oneOf: [{ type: 'string' }, { type: 'number' }], allOf: [{ type: 'string' }] });
    expect(prepared.schema).toEqual({ anyOf: [{ type: 'string' }, { type: 'number' }], allOf: [{ type: 'string' }] });
    expect(prepared.removed).toEqual(['oneOf (sent as anyOf)']);
  });

  it('leaves a schema Cohere fully supports untouched', () => {
    const schema = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'], additionalProperties: false };
    expect(prepareCohereJsonSchema(schema)).toEqual({ schema, removed: [] });
  });
});
