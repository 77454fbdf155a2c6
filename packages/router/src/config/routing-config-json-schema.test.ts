import { describe, expect, it } from 'vitest';
import { routingConfigJsonSchema } from './routing-config-json-schema.js';

describe('routingConfigJsonSchema', () => {
  it('describes the config recursively, open to extra keys', () => {
    const schema = routingConfigJsonSchema() as {
      title: string;
      properties: Record<string, { items?: unknown; properties?: Record<string, unknown> }>;
      additionalProperties: unknown;
    };
    expect(schema.title).toBe('Switchyard routing config');
    expect(schema.properties.targets!.items).toEqual({ $ref: '#' });
    expect(schema.properties.strategy!.properties!.mode).toEqual({ type: 'string', enum: ['single', 'fallback', 'loadbalance', 'conditional'] });
    expect(schema.properties.retry!.properties!.attempts).toMatchObject({ type: 'integer', minimum: 0, maximum: 10 });
    expect(schema.additionalProperties).toEqual({});
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['provider', 'virtual_key', 'api_key', 'override_params', 'weight', 'request_timeout', 'custom_host', 'forward_headers', 'cache']),
    );
  });
  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(routingConfigJsonSchema()))).toEqual(routingConfigJsonSchema());
  });
});
