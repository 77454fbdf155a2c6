/** A schema name as a quoted SQL identifier; names are checked, as identifiers cannot be query parameters. */
export function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`"${name}" is not a usable schema name: letters, digits and underscores, not starting with a digit, at most 63.`);
  }
  return `"${name}"`;
}
