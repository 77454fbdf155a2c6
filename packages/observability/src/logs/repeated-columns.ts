import { logColumns } from './log-columns.js';

/*
 * Most log rows repeat a few values: the route, the provider, the models, the price version.
 * better-sqlite3 copies every string it binds twice (into UTF-8, then into SQLite), about 1,200
 * instructions a string, which made binding the largest part of a row's insert. The SQLite store
 * writes runs of rows that agree on these columns with a statement that holds their values as
 * SQL literals, binding only the rest: a row then binds two strings (id, trace id) instead of twelve.
 */
const repeatedColumns = [
  'kind', 'method', 'path', 'format', 'provider', 'model_requested', 'model_answered', 'price_version', 'attempt_provider', 'attempt_model',
] as const;

const repeatedIndexes = repeatedColumns.map((name) => logColumns.indexOf(name));
const width = logColumns.length;

/** Column indexes of a full row, and of the columns a repeated-values statement binds. */
export const allColumns: readonly number[] = logColumns.map((_, index) => index);
export const boundColumns: readonly number[] = allColumns.filter((index) => !repeatedIndexes.includes(index));

/** The end (exclusive) of the run of rows from `start` whose repeated columns hold the same values. */
export function endOfRun(values: readonly unknown[], start: number, rows: number): number {
  const first = start * width;
  let row = start + 1;
  for (; row < rows; row += 1) {
    const at = row * width;
    let same = true;
    for (const index of repeatedIndexes) {
      if (values[at + index] !== values[first + index]) {
        same = false;
        break;
      }
    }
    if (!same) break;
  }
  return row;
}

/** Copies the `columns` of row `row` of `from` (full rows) to slot `slot` of `to` (rows of `columns.length`). */
export function copyRow(from: readonly unknown[], row: number, to: unknown[], slot: number, columns: readonly number[]): void {
  const source = row * width;
  const target = slot * columns.length;
  for (let index = 0; index < columns.length; index += 1) to[target + index] = from[source + columns[index]!];
}

/** The repeated values of row `row`, as a key: equal keys for equal values, null told from text. */
export function shapeKeyOf(values: readonly unknown[], row: number): string {
  let key = '';
  for (const index of repeatedIndexes) {
    const value = values[row * width + index];
    key += value === null ? '\u0001' : `\u0002${String(value)}`;
    key += '\u0000';
  }
  return key;
}

// Literals are only made of what needs no escaping beyond SQL's doubled quote: printable ASCII
// (no NUL, no line breaks), short. Anything else goes the bound way.
const plainText = /^[\x20-\x7e]{0,200}$/;

/**
 * The SQL literals of row `row`'s repeated values, by column index (`NULL`, or text in single
 * quotes with any quote doubled), or undefined when a value is not plain text.
 */
export function literalsOf(values: readonly unknown[], row: number): Map<number, string> | undefined {
  const literals = new Map<number, string>();
  for (const index of repeatedIndexes) {
    const value = values[row * width + index];
    if (value === null) literals.set(index, 'NULL');
    else if (typeof value === 'string' && plainText.test(value)) literals.set(index, `'${value.replaceAll("'", "''")}'`);
    else return undefined;
  }
  return literals;
}
