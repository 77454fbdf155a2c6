/**
 * Waits for the first item of an async iterable and hands back an iterable that yields it
 * again followed by the rest. The router only counts an attempt as a success once the stream
 * has really started, so a failure before the first chunk can still fall back.
 */
export async function peekFirst<T>(iterable: AsyncIterable<T>): Promise<{ first: IteratorResult<T>; all: AsyncIterable<T> }> {
  const iterator = iterable[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* replay(): AsyncGenerator<T> {
    try {
      if (first.done) return;
      yield first.value;
      while (true) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  return { first, all: replay() };
}
