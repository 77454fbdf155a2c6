import { describe, expect, it } from 'vitest';
import { deleteInSlices } from './delete-in-slices.js';

/** A table of `rows` expired records, deleted `sliceSize` at most per call. */
function expiry(rows: number, sliceSize: number) {
  let left = rows;
  const slices: number[] = [];
  const deleteSlice = async () => {
    const changes = Math.min(left, sliceSize);
    left -= changes;
    slices.push(changes);
    return changes;
  };
  return { deleteSlice, slices, left: () => left };
}

describe('deleteInSlices', () => {
  it('deletes slice after slice until one comes back short, and answers the total', async () => {
    const table = expiry(25, 10);
    expect(await deleteInSlices(table.deleteSlice, 10)).toBe(25);
    expect(table.slices).toEqual([10, 10, 5]);
  });

  it('asks once more after a full last slice, to find the expiry empty', async () => {
    const table = expiry(20, 10);
    expect(await deleteInSlices(table.deleteSlice, 10)).toBe(20);
    expect(table.slices).toEqual([10, 10, 0]);
  });

  it('lets the event loop turn between slices', async () => {
    const table = expiry(30, 10);
    // Queued before the first slice: it runs in the first turn of the event loop the sweep gives up.
    let otherWorkRan = false;
    setImmediate(() => (otherWorkRan = true));
    const ranBeforeSlice: boolean[] = [];
    await deleteInSlices(async () => {
      ranBeforeSlice.push(otherWorkRan);
      return table.deleteSlice();
    }, 10);
    expect(ranBeforeSlice).toEqual([false, true, true, true]);
  });

  it('stops between slices once the store is closing', async () => {
    const table = expiry(100, 10);
    let closing = false;
    const deleted = await deleteInSlices(async () => {
      const changes = await table.deleteSlice();
      if (table.slices.length === 2) closing = true;
      return changes;
    }, 10, () => closing);
    expect(deleted).toBe(20);
    expect(table.left()).toBe(80);
  });
});
