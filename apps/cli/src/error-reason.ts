/** The most telling reason of a network error: the innermost cause's code (ECONNREFUSED, ENOTFOUND) or message. */
export function errorReason(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause !== undefined) current = current.cause;
  if (current instanceof AggregateError && current.errors[0]) current = current.errors[0];
  if (current instanceof Error) return (current as NodeJS.ErrnoException).code ?? current.message;
  return String(current);
}
