import { fixturesFor, type ProviderFixtures } from './fixtures.js';

export interface ReplaySuite {
  /** Whether the recordings are there; a suite skips itself when not (`describe.skipIf(!suite.found)`). */
  found: boolean;
  /** The recordings. When they are absent, reading any fails with the reason (only skipped tests would). */
  fixtures: ProviderFixtures;
  /** Marks a case as replayed and returns its name, so the suite can check that every recorded case is. */
  cover(name: string): string;
  /** The cases marked so far. */
  covered: ReadonlySet<string>;
}

/**
 * The recordings of one fixtures folder for a replay suite. When they are absent the reason is
 * printed once, here, and the suite is expected to skip rather than fail: the recordings are
 * third-party data that not every checkout has.
 */
export function replaySuite(folder: string, label = `${folder} replay`): ReplaySuite {
  const lookup = fixturesFor(folder);
  if (!lookup.found) console.warn(`${label} skipped: ${lookup.reason}`);
  const covered = new Set<string>();
  return {
    found: lookup.found,
    fixtures: lookup.found ? lookup.fixtures : absentFixtures(lookup.reason),
    cover(name) {
      covered.add(name);
      return name;
    },
    covered,
  };
}

function absentFixtures(reason: string): ProviderFixtures {
  const fail = (): never => {
    throw new Error(`recorded fixtures are absent: ${reason}`);
  };
  return { dir: '', cases: fail, has: fail, text: fail, bytes: fail, json: fail };
}
