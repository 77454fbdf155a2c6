import { describe, expect, it } from 'vitest';
import { convertJsonSchemaToGoogleSchema } from './convert-json-schema-to-google-schema.js';

describe('convertJsonSchemaToGoogleSchema', () => {
  it('upper-cases types and drops what the Schema object rejects, naming it', () => {
    const { schema, dropped } = convertJsonSchemaToGoogleSchema({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      additionalProperties: false,
      properties: {
        city: { type: 'string', description: 'City name', default: 'Paris', examples: ['Lyon'] },
        days: { type: 'integer', minimum: 1, exclusiveMaximum: 15, format: 'int32' },
        tags: { type: 'array', items: { type: 'string', format: 'email' }, minItems: 1 },
      },
      required: ['city'],
    });
    expect(schema).toEqual({
      type: 'OBJECT',
      properties: {
        city: { type: 'STRING', description: 'City name', default: 'Paris', example: 'Lyon' },
        days: { type: 'INTEGER', minimum: 1, format: 'int32' },
        tags: { type: 'ARRAY', items: { type: 'STRING' }, minItems: 1 },
      },
      required: ['city'],
    });
    expect(dropped).toEqual(['additionalProperties', 'exclusiveMaximum', 'format (email)']);
  });

  it('turns nullable unions into nullable, and several types into anyOf', () => {
    const { schema, dropped } = convertJsonSchemaToGoogleSchema({
      type: 'object',
      properties: {
        a: { type: ['string', 'null'] },
        b: { anyOf: [{ type: 'integer' }, { type: 'null' }], description: 'maybe' },
        c: { type: ['string', 'number'] },
        d: { oneOf: [{ type: 'string' }, { type: 'boolean' }] },
        e: { const: 'fixed' },
        f: { enum: ['x', 'y', null] },
      },
    });
    expect(schema.properties).toEqual({
      a: { type: 'STRING', nullable: true },
      b: { type: 'INTEGER', nullable: true, description: 'maybe' },
      c: { anyOf: [{ type: 'STRING' }, { type: 'NUMBER' }] },
      d: { anyOf: [{ type: 'STRING' }, { type: 'BOOLEAN' }] },
      e: { enum: ['fixed'], type: 'STRING' },
      f: { enum: ['x', 'y'], nullable: true, type: 'STRING' },
    });
    expect(dropped).toEqual([]);
  });

  it('inlines $ref from $defs, keeps a sibling description, and stops at recursion', () => {
    const { schema, dropped } = convertJsonSchemaToGoogleSchema({
      type: 'object',
      $defs: {
        Node: { type: 'object', properties: { value: { type: 'number' }, next: { $ref: '#/$defs/Node' } } },
      },
      properties: { head: { $ref: '#/$defs/Node', description: 'first node' } },
    });
    expect(schema).toEqual({
      type: 'OBJECT',
      properties: {
        head: {
          type: 'OBJECT',
          description: 'first node',
          properties: { value: { type: 'NUMBER' }, next: { type: 'OBJECT' } },
        },
      },
    });
    expect(dropped).toEqual(['$ref (recursive #/$defs/Node)']);
  });

  it('reports non-string enums, tuples and multi-element allOf', () => {
    const { dropped } = convertJsonSchemaToGoogleSchema({
      type: 'object',
      properties: {
        level: { type: 'integer', enum: [1, 2, 3] },
        pair: { type: 'array', items: [{ type: 'string' }, { type: 'number' }] },
        both: { allOf: [{ type: 'object' }, { required: ['x'] }] },
      },
    });
    expect(dropped).toEqual(['enum (non-string values)', 'items (tuple)', 'allOf']);
  });
});
