import { InvalidRequestError } from '@switchyard/core';

type Json = Record<string, unknown>;

export interface InputItemsPage {
  object: 'list';
  data: Json[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

/**
 * One page of a stored response's input items, as OpenAI's list endpoint pages them: `order`
 * `desc` (the default: newest first) or `asc`, `limit` 1–100 (default 20), and `after` the id of
 * the item the previous page ended with. Parameters are checked with OpenAI's wording.
 */
export function pageInputItems(items: readonly Json[], query: URLSearchParams): InputItemsPage {
  const limit = readLimit(query.get('limit'));
  const order = query.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') {
    throw new InvalidRequestError(`Invalid value for 'order': expected one of 'asc' or 'desc', but got '${order}' instead.`, { param: 'order', code: 'invalid_value' });
  }
  const ordered = order === 'asc' ? items : [...items].reverse();
  const after = query.get('after');
  let start = 0;
  if (after !== null && after !== '') {
    const at = ordered.findIndex((item) => item.id === after);
    if (at === -1) throw new InvalidRequestError(`Invalid 'after': no input item with id '${after}' in this response.`, { param: 'after', code: 'invalid_value' });
    start = at + 1;
  }
  const data = ordered.slice(start, start + limit);
  return {
    object: 'list',
    data,
    first_id: data.length > 0 ? String(data[0]!.id) : null,
    last_id: data.length > 0 ? String(data[data.length - 1]!.id) : null,
    has_more: start + limit < ordered.length,
  };
}

function readLimit(raw: string | null): number {
  if (raw === null || raw === '') return 20;
  const limit = Number(raw);
  if (!Number.isInteger(limit)) throw new InvalidRequestError(`Invalid 'limit': expected an integer, but got '${raw}' instead.`, { param: 'limit', code: 'invalid_type' });
  if (limit < 1) throw new InvalidRequestError(`Invalid 'limit': integer below minimum value. Expected a value >= 1, but got ${limit} instead.`, { param: 'limit', code: 'integer_below_min_value' });
  if (limit > 100) throw new InvalidRequestError(`Invalid 'limit': integer above maximum value. Expected a value <= 100, but got ${limit} instead.`, { param: 'limit', code: 'integer_above_max_value' });
  return limit;
}
