/**
 * Waits for the first item of an async iterable and hands back an iterable that yields it
 * again followed by the rest. The router only counts an attempt as a success once the stream
 * has really started, so a failure before the first chunk can still fall back.
 */
export async function peekFirst<T>(iterable: AsyncIterable<T>): Promise<{ first: IteratorResult<T>; all: AsyncIterable<T> }> {
  const iterator = iterable[Symbol.asyncIterator]();
  const first = await iterator.next();
  return { first, all: replay(first, iterator) };
}

// At module level rather than inside peekFirst: a generator function made per call also makes a
// prototype object per call, which V8 sets up as a prototype each time (--log-maps).
async function* replay<T>(first: IteratorResult<T>, iterator: AsyncIterator<T>): AsyncGenerator<T> {
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
