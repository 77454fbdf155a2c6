import { describe, expect, it } from 'vitest';
import { type AttemptHealth, HealthTracker, createHealthTracker } from './target-health.js';

function setup(options: ConstructorParameters<typeof HealthTracker>[0] = {}) {
  const clock = { now: 1_000_000 };
  const tracker = createHealthTracker({ now: () => clock.now, ...options });
  const run = (key: string, result: AttemptHealth) => tracker.begin(key).end(result);
  return { clock, tracker, run };
}

describe('HealthTracker', () => {
  it('starts closed and available for any key', () => {
    const { tracker } = setup();
    expect(tracker.state('a')).toBe('closed');
    expect(tracker.isAvailable('a')).toBe(true);
    expect(tracker.snapshot('a')).toEqual({ state: 'closed', consecutiveFailures: 0, calls: 0, failures: 0, inFlight: 0 });
  });
  it('opens after 3 consecutive failures; a success in between resets the count', () => {
    const { tracker, run } = setup();
    run('a', 'failure');
    run('a', 'failure');
    run('a', 'success');
    run('a', 'failure');
    run('a', 'failure');
    expect(tracker.state('a')).toBe('closed');
    run('a', 'failure');
    expect(tracker.state('a')).toBe('open');
    expect(tracker.isAvailable('a')).toBe(false);
    expect(tracker.isAvailable('b')).toBe(true);
  });
  it('neutral results (client errors) neither count nor reset', () => {
    const { tracker, run } = setup();
    run('a', 'failure');
    run('a', 'failure');
    run('a', 'neutral');
    run('a', 'failure');
    expect(tracker.state('a')).toBe('open');
  });
  it('opens on a failure rate of half or more over at least 10 calls in the window', () => {
    const { tracker, run, clock } = setup({ failureThreshold: 100 });
    for (let call = 0; call < 9; call++) {
      run('a', call % 2 === 0 ? 'failure' : 'success');
      clock.now += 1_000;
    }
    expect(tracker.state('a')).toBe('closed');
    run('a', 'success');
    expect(tracker.snapshot('a')).toMatchObject({ calls: 10, failures: 5 });
    expect(tracker.state('a')).toBe('closed');
    run('a', 'failure');
    expect(tracker.state('a')).toBe('open');
  });
  it('does not count failures that slid out of the window', () => {
    const { tracker, run, clock } = setup({ failureThreshold: 100 });
    for (let call = 0; call < 6; call++) run('a', 'failure');
    clock.now += 61_000;
    for (let call = 0; call < 6; call++) run('a', 'success');
    run('a', 'failure');
    expect(tracker.snapshot('a')).toMatchObject({ calls: 7, failures: 1 });
    expect(tracker.state('a')).toBe('closed');
  });
  it('cools down for 30 s, then lets one probe through; success closes it', () => {
    const { tracker, run, clock } = setup();
    for (let call = 0; call < 3; call++) run('a', 'failure');
    clock.now += 29_999;
    expect(tracker.state('a')).toBe('open');
    clock.now += 1;
    expect(tracker.state('a')).toBe('half-open');
    expect(tracker.isAvailable('a')).toBe(true);
    const probe = tracker.begin('a');
    expect(tracker.isAvailable('a')).toBe(false);
    probe.end('success');
    expect(tracker.state('a')).toBe('closed');
    expect(tracker.isAvailable('a')).toBe(true);
  });
  it('a failed probe opens it again for another cooldown', () => {
    const { tracker, run, clock } = setup({ cooldownMs: 10_000 });
    for (let call = 0; call < 3; call++) run('a', 'failure');
    clock.now += 10_000;
    run('a', 'failure');
    expect(tracker.state('a')).toBe('open');
    clock.now += 9_999;
    expect(tracker.state('a')).toBe('open');
    clock.now += 1;
    expect(tracker.state('a')).toBe('half-open');
  });
  it('a neutral probe frees the probe slot', () => {
    const { tracker, run, clock } = setup();
    for (let call = 0; call < 3; call++) run('a', 'failure');
    clock.now += 30_000;
    const probe = tracker.begin('a');
    expect(tracker.isAvailable('a')).toBe(false);
    probe.end('neutral');
    expect(tracker.state('a')).toBe('half-open');
    expect(tracker.isAvailable('a')).toBe(true);
  });
  it('a success that arrives while still open does not close it', () => {
    const { tracker, run } = setup();
    const straggler = tracker.begin('a');
    for (let call = 0; call < 3; call++) run('a', 'failure');
    straggler.end('success');
    expect(tracker.state('a')).toBe('open');
  });
  it('counts attempts in flight, and a ticket ends once', () => {
    const { tracker } = setup();
    const first = tracker.begin('a');
    const second = tracker.begin('a');
    expect(tracker.inFlight('a')).toBe(2);
    first.end('success');
    first.end('success');
    expect(tracker.inFlight('a')).toBe(1);
    second.end('neutral');
    expect(tracker.inFlight('a')).toBe(0);
  });
  it('keeps a moving average of time to first byte', () => {
    const { tracker } = setup({ latencySmoothing: 0.5 });
    expect(tracker.latencyMs('a')).toBeUndefined();
    const first = tracker.begin('a');
    first.firstByte(100);
    first.end('success');
    expect(tracker.latencyMs('a')).toBe(100);
    const second = tracker.begin('a');
    second.firstByte(300);
    second.firstByte(-5);
    second.end('success');
    expect(tracker.latencyMs('a')).toBe(200);
  });
  it('forgets the least recently used idle targets beyond maxKeys', () => {
    const { tracker, run } = setup({ maxKeys: 2 });
    const busy = tracker.begin('busy');
    for (let call = 0; call < 3; call++) run('old', 'failure');
    run('new', 'success');
    expect(tracker.state('old')).toBe('closed');
    expect(tracker.inFlight('busy')).toBe(1);
    busy.end('success');
  });
  it('lists every target it remembers with its snapshot', () => {
    const { tracker, run } = setup();
    run('a', 'failure');
    run('a', 'failure');
    run('a', 'failure');
    run('b', 'success');
    expect(tracker.list()).toEqual([
      { key: 'a', state: 'open', consecutiveFailures: 0, calls: 0, failures: 0, inFlight: 0 },
      { key: 'b', state: 'closed', consecutiveFailures: 0, calls: 1, failures: 0, inFlight: 0 },
    ]);
  });
});
