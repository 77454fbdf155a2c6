import { describe, expect, it } from 'vitest';
import { prepareGoogleJsonSchema } from './prepare-google-json-schema.js';

describe('prepareGoogleJsonSchema', () => {
  it('passes a schema Gemini takes through unchanged, $schema and additionalProperties included', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      additionalProperties: false,
      properties: { color: { pattern: 'red|blue', type: 'string' }, text: { type: ['string', 'null'] } },
      required: ['text', 'color'],
      type: 'object',
    };
    expect(prepareGoogleJsonSchema(schema)).toEqual(schema);
  });

  it('moves the siblings of a $ref next to an anyOf holding it, at any depth', () => {
    const schema = {
      type: 'object',
      $defs: { Address: { type: 'object', properties: { city: { type: 'string' } } } },
      properties: {
        home: { $ref: '#/$defs/Address', description: 'Where they live' },
        past: { type: 'array', items: { $ref: '#/$defs/Address', title: 'Old address' } },
        plain: { $ref: '#/$defs/Address' },
      },
    };
    const prepared = prepareGoogleJsonSchema(schema);
    expect(prepared.properties).toEqual({
      home: { anyOf: [{ $ref: '#/$defs/Address' }], description: 'Where they live' },
      past: { type: 'array', items: { anyOf: [{ $ref: '#/$defs/Address' }], title: 'Old address' } },
      plain: { $ref: '#/$defs/Address' },
    });
    // The input is left as it was.
    expect(schema.properties.home).toEqual({ $ref: '#/$defs/Address', description: 'Where they live' });
  });
});
