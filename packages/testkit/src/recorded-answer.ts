import type { ProviderFixtures } from './fixtures.js';
import type { ReplayAnswer } from './replay-answer.js';

// In order of preference. `.eventstream` comes before `.ndjson` because a Bedrock case keeps
// both: the binary event-stream is the wire body, the `.ndjson` beside it only its decoded view.
const bodyFiles: Array<[extension: string, contentType: string]> = [
  ['sse', 'text/event-stream; charset=utf-8'],
  ['json', 'application/json'],
  ['eventstream', 'application/vnd.amazon.eventstream'],
  ['ndjson', 'application/x-ndjson'],
];

/**
 * The recorded answer of one fixture case, ready for `mock.replayNext()`: its body file
 * (`.sse`, `.json`, `.eventstream` or `.ndjson`), and status and headers from
 * `<case>.headers.json` when recorded. Cases without one take the status from an
 * `error-<status>-...` name, else 200.
 */
export function recordedAnswer(fixtures: ProviderFixtures, name: string, overrides: Partial<ReplayAnswer> = {}): ReplayAnswer {
  const found = bodyFiles.find(([extension]) => fixtures.has(`${name}.${extension}`));
  if (!found) throw new Error(`fixture case "${name}" has no response body in ${fixtures.dir}`);
  const [extension, contentType] = found;
  const recorded = fixtures.has(`${name}.headers.json`)
    ? (fixtures.json(`${name}.headers.json`).response as { status?: number; headers?: Record<string, string> } | undefined)
    : undefined;
  const statusFromName = /^error-(\d{3})-/.exec(name)?.[1];
  const headers = recorded?.headers ?? {};
  const recordedType = Object.entries(headers).find(([header]) => header.toLowerCase() === 'content-type')?.[1];
  return {
    status: recorded?.status ?? (statusFromName ? Number(statusFromName) : 200),
    headers,
    body: fixtures.bytes(`${name}.${extension}`),
    contentType: recordedType ?? contentType,
    ...overrides,
  };
}
