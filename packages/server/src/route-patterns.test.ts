import { describe, expect, it } from 'vitest';
import { createRoutePatterns } from './route-patterns.js';

const patterns = createRoutePatterns([
  ['GET', '/v1/responses/:id', 'get'],
  ['DELETE', '/v1/responses/:id', 'delete'],
  ['GET', '/v1/responses/:id/input_items', 'items'],
]);

describe('createRoutePatterns', () => {
  it('matches by method and segments, capturing decoded parameters', () => {
    expect(patterns.match('GET', '/v1/responses/resp_1')).toEqual({ route: 'get', params: { id: 'resp_1' } });
    expect(patterns.match('DELETE', '/v1/responses/resp_1')).toEqual({ route: 'delete', params: { id: 'resp_1' } });
    expect(patterns.match('GET', '/v1/responses/resp%201/input_items')).toEqual({ route: 'items', params: { id: 'resp 1' } });
  });

  it('does not match other methods, lengths, empty or malformed segments', () => {
    expect(patterns.match('POST', '/v1/responses/resp_1')).toBeUndefined();
    expect(patterns.match('GET', '/v1/responses')).toBeUndefined();
    expect(patterns.match('GET', '/v1/responses/')).toBeUndefined();
    expect(patterns.match('GET', '/v1/responses/resp_1/other')).toBeUndefined();
    expect(patterns.match('GET', '/v1/responses/%E0%A4%A')).toBeUndefined();
  });
});
