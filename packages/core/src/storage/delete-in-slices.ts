/**
 * Deletes an expiry a slice at a time: `deleteSlice` removes at most `sliceSize` records in its own
 * transaction and answers how many it removed; slices follow one another, a turn of the event loop
 * apart, until one comes back short or `stopped()` says the store is closing. Answers the total.
 * One transaction for a whole expiry (a month of stored responses, an hour of a busy gateway's log)
 * would hold the event loop, or the table's locks and WAL, for all of it.
 */
export async function deleteInSlices(deleteSlice: () => Promise<number> | number, sliceSize: number, stopped: () => boolean = () => false): Promise<number> {
  let deleted = 0;
  while (!stopped()) {
    const changes = await deleteSlice();
    deleted += changes;
    if (changes < sliceSize) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return deleted;
}
