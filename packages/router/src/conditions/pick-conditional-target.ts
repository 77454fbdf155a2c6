import { type Query, type QueryContext, evaluateQuery } from './evaluate-query.js';

export interface ConditionalStrategy {
  conditions?: readonly { query: Query; then: string }[];
  default?: string;
}

/**
 * The index of the target a conditional strategy sends the request to: the one named by the first
 * condition whose query matches, else the one named by `default`; undefined when neither applies.
 * Names refer to the strategy's direct targets (the parser checks that they exist).
 */
export function pickConditionalTarget(
  strategy: ConditionalStrategy,
  targets: readonly { name?: string }[],
  context: QueryContext,
): number | undefined {
  for (const condition of strategy.conditions ?? []) {
    if (evaluateQuery(condition.query, context)) return indexOfName(targets, condition.then);
  }
  return strategy.default === undefined ? undefined : indexOfName(targets, strategy.default);
}

function indexOfName(targets: readonly { name?: string }[], name: string): number | undefined {
  const index = targets.findIndex((target) => target.name === name);
  return index === -1 ? undefined : index;
}
