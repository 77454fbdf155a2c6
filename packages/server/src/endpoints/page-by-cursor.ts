import { InvalidRequestError } from '@switchyard/core';

export interface PageQuery {
  after?: string;
  limit: number;
  order: 'asc' | 'desc';
}

/** OpenAI's list paging (`after`, `limit`, `order`) from a query string. */
export function parsePageQuery(query: URLSearchParams, maxLimit: number): PageQuery {
  const rawLimit = query.get('limit');
  const limit = rawLimit === null ? Math.min(maxLimit, 10_000) : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) throw new InvalidRequestError(`limit must be an integer from 1 to ${maxLimit}.`, { param: 'limit' });
  const order = query.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') throw new InvalidRequestError('order must be "asc" or "desc".', { param: 'order' });
  return { after: query.get('after') ?? undefined, limit, order };
}

/** One page of newest-first records: those after the cursor id, in the asked order. */
export function pageByCursor<T>(newestFirst: readonly T[], page: PageQuery, idOf: (item: T) => string): { data: T[]; hasMore: boolean } {
  const ordered = page.order === 'desc' ? newestFirst : [...newestFirst].reverse();
  const start = page.after === undefined ? 0 : ordered.findIndex((item) => idOf(item) === page.after) + 1;
  if (page.after !== undefined && start === 0) return { data: [], hasMore: false };
  return { data: ordered.slice(start, start + page.limit), hasMore: start + page.limit < ordered.length };
}
