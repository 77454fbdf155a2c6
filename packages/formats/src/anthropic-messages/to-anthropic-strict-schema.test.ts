import { describe, expect, it } from 'vitest';
import { toAnthropicStrictSchema } from './to-anthropic-strict-schema.js';

describe('toAnthropicStrictSchema', () => {
  it('leaves a schema Anthropic accepts as it is', () => {
    // The structured-output-strict recording's schema (pydantic already moved the pattern).
    const schema = {
      additionalProperties: false,
      properties: {
        amount: { anyOf: [{ type: 'number' }, { description: '{pattern: ^(?!^[-+.]*$)[+-]?0*\\d*\\.?\\d*$}', type: 'string' }] },
      },
      required: ['amount'],
      type: 'object',
    };
    const result = toAnthropicStrictSchema(schema);
    expect(result.schema).toEqual(schema);
    expect(result.moved).toEqual([]);
    expect(result.closedObjects).toBe(0);
  });

  it('moves unsupported constraints into descriptions and closes objects', () => {
    const input = {
      type: 'object',
      properties: {
        age: { type: 'integer', minimum: 0, maximum: 150, description: 'Age in years' },
        tags: { type: 'array', items: { type: 'string', maxLength: 10 }, minItems: 2 },
        when: { type: 'string', format: 'date-time' },
        code: { type: 'string', format: 'iso-4217' },
        choice: { oneOf: [{ type: 'string' }, { type: 'null' }] },
        nested: { type: ['object', 'null'], properties: { x: { type: 'number' } } },
      },
      required: ['age'],
    };
    const result = toAnthropicStrictSchema(input);
    expect(result.schema).toEqual({
      type: 'object',
      properties: {
        age: { type: 'integer', description: 'Age in years\n\n{minimum: 0, maximum: 150}' },
        tags: { type: 'array', items: { type: 'string', description: '{maxLength: 10}' }, description: '{minItems: 2}' },
        when: { type: 'string', format: 'date-time' },
        code: { type: 'string', description: '{format: "iso-4217"}' },
        choice: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        nested: { type: ['object', 'null'], properties: { x: { type: 'number' } }, additionalProperties: false },
      },
      additionalProperties: false,
      required: ['age'],
    });
    expect(result.moved).toEqual(['minimum', 'maximum', 'maxLength', 'minItems', 'format']);
    expect(result.closedObjects).toBe(2);
    // The input is untouched.
    expect(input.properties.age.minimum).toBe(0);
  });

  it('keeps $ref and transforms $defs', () => {
    const result = toAnthropicStrictSchema({
      $defs: { Item: { type: 'object', properties: { n: { type: 'number', multipleOf: 2 } } } },
      type: 'object',
      properties: { item: { $ref: '#/$defs/Item' } },
      additionalProperties: false,
    });
    expect(result.schema).toEqual({
      $defs: { Item: { type: 'object', properties: { n: { type: 'number', description: '{multipleOf: 2}' } }, additionalProperties: false } },
      type: 'object',
      properties: { item: { $ref: '#/$defs/Item' } },
      additionalProperties: false,
    });
  });
});
