/**
 * Calls and failures over the last `windowMs`, in a ring of buckets: constant memory per target
 * however busy it is, at the price of a bucket's width of imprecision at the window's edge.
 */
export class FailureWindow {
  private readonly bucketMs: number;
  private readonly starts: number[];
  private readonly calls: number[];
  private readonly failures: number[];

  constructor(
    readonly windowMs: number,
    readonly bucketCount = 10,
  ) {
    this.bucketMs = Math.max(1, Math.ceil(windowMs / bucketCount));
    this.starts = new Array<number>(bucketCount).fill(Number.NEGATIVE_INFINITY);
    this.calls = new Array<number>(bucketCount).fill(0);
    this.failures = new Array<number>(bucketCount).fill(0);
  }

  record(nowMs: number, failed: boolean): void {
    const bucket = Math.floor(nowMs / this.bucketMs);
    const slot = bucket % this.bucketCount;
    if (this.starts[slot] !== bucket) {
      this.starts[slot] = bucket;
      this.calls[slot] = 0;
      this.failures[slot] = 0;
    }
    this.calls[slot]! += 1;
    if (failed) this.failures[slot]! += 1;
  }

  totals(nowMs: number): { calls: number; failures: number } {
    const current = Math.floor(nowMs / this.bucketMs);
    let calls = 0;
    let failures = 0;
    for (let slot = 0; slot < this.bucketCount; slot++) {
      const start = this.starts[slot]!;
      if (start > current - this.bucketCount && start <= current) {
        calls += this.calls[slot]!;
        failures += this.failures[slot]!;
      }
    }
    return { calls, failures };
  }

  clear(): void {
    this.starts.fill(Number.NEGATIVE_INFINITY);
    this.calls.fill(0);
    this.failures.fill(0);
  }
}
