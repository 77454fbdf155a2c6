import { type BoundCounter, type BoundHistogram, type Labels, type PrometheusRegistry, createPrometheusRegistry } from './prometheus-registry.js';
import type { ObservedRequest } from '../observed-request.js';

/**
 * The gateway's metrics. GenAI names follow the OpenTelemetry semantic conventions, mapped to
 * Prometheus style (dots to underscores, unit suffix `_seconds`), with their advised buckets.
 * Labels are bounded: routes come from a fixed list, models are capped per metric by the registry.
 */
export interface GatewayMetrics {
  registry: PrometheusRegistry;
  requestStarted(): void;
  /** `shapeKey`, when given, must be equal only for samples with equal labels (`requestShapeKey` is). */
  requestFinished(sample: MetricsSample, shapeKey?: string): void;
  render(): string;
}

export interface MetricsSample {
  route: string;
  operation: string;
  /** The configured entry (slug) that answered. */
  provider?: string;
  /** The provider as GenAI names it (the adapter id: `openai` for a slug `backup`). */
  genAiProvider?: string;
  model?: string;
  status: number;
  errorKind?: string;
  stream: boolean;
  totalSeconds: number;
  firstByteSeconds?: number;
  overheadSeconds?: number;
  cacheStatus?: string;
  guardrails?: ObservedRequest['guardrails'];
  tokens?: { input?: number; output?: number; cachedInput?: number; cacheWrite?: number; reasoning?: number };
  costUsd?: number;
  /** Each attempt: its provider, its error kind (none when it succeeded) and its retry number. */
  attempts: ReadonlyArray<{ provider?: string; kind?: string; retry: number }>;
  fallbacks: number;
}

const tokenBuckets = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];
const durationBuckets = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];
const timeToFirstTokenBuckets = [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
const timePerOutputTokenBuckets = [0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 2.5];
// The gateway's own time is sub-millisecond when healthy: finer buckets than the upstream's.
const overheadBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

const genAi = ['gen_ai_operation_name', 'gen_ai_provider_name', 'gen_ai_request_model'] as const;

/** The `kind` label of each token field of a sample (input, output, cachedInput, cacheWrite, reasoning), in that order. */
const tokenKinds = ['input', 'output', 'cached_input', 'cache_write', 'reasoning'] as const;

/** The series one kind of request (route, status, provider, model, error) updates, bound as they are first used. */
interface RequestSeries {
  base: Labels;
  byModel: Labels;
  errorType: string;
  route: string;
  requests: BoundCounter;
  errors?: BoundCounter;
  duration?: BoundHistogram;
  overhead?: BoundHistogram;
  cost?: BoundCounter;
  inputTokens?: BoundHistogram;
  outputTokens?: BoundHistogram;
  tokenTotals: Array<BoundCounter | undefined>;
  firstToken?: BoundHistogram;
  perToken?: BoundHistogram;
  /** The attempt series this kind of request updated last (most requests make one attempt, alike). */
  lastAttempt?: { provider: string; outcome: string; counter: BoundCounter };
}

export function createGatewayMetrics(options: { extraCollectors?: (registry: PrometheusRegistry) => void } = {}): GatewayMetrics {
  const registry = createPrometheusRegistry();
  const requests = registry.counter({ name: 'switchyard_requests_total', help: 'Requests answered, by route, status and provider.', labelNames: ['route', 'status', 'provider'] });
  const errors = registry.counter({ name: 'switchyard_errors_total', help: 'Requests that ended in an error, by error kind.', labelNames: ['route', 'error_type'] });
  const attempts = registry.counter({ name: 'switchyard_attempts_total', help: 'Upstream attempts, by provider and outcome (success or error kind).', labelNames: ['provider', 'outcome'] });
  const retries = registry.counter({ name: 'switchyard_retries_total', help: 'Retries of a target after a failed attempt.', labelNames: ['provider'] });
  const fallbacks = registry.counter({ name: 'switchyard_fallbacks_total', help: 'Times a request moved on to another target.', labelNames: ['route'] });
  const cache = registry.counter({ name: 'switchyard_cache_requests_total', help: 'Requests by response-cache status (hit, miss, ...).', labelNames: ['status'] });
  const guardrailChecks = registry.counter({ name: 'switchyard_guardrail_checks_total', help: 'Guardrail check outcomes, by phase, check and verdict (pass, fail, redacted, error).', labelNames: ['phase', 'check', 'verdict'], maxSeries: 500 });
  const guardrailActions = registry.counter({ name: 'switchyard_guardrail_actions_total', help: 'What guardrail sets did to requests (allowed, redacted, blocked, flagged).', labelNames: ['phase', 'action'] });
  const inFlight = registry.gauge({ name: 'switchyard_requests_in_flight', help: 'Requests being handled now.', labelNames: [] });
  const cost = registry.counter({ name: 'switchyard_cost_usd_total', help: 'Cost of the answered requests in USD, from the price catalog.', labelNames: ['gen_ai_provider_name', 'gen_ai_request_model'] });
  const tokens = registry.histogram({ name: 'gen_ai_client_token_usage', help: 'Tokens used per request, by token type ({token}).', labelNames: [...genAi, 'gen_ai_token_type'], buckets: tokenBuckets, maxSeries: 2000 });
  const tokensTotal = registry.counter({ name: 'switchyard_tokens_total', help: 'Tokens used, by kind (input, output, cached_input, cache_write, reasoning).', labelNames: ['gen_ai_provider_name', 'gen_ai_request_model', 'kind'], maxSeries: 2000 });
  const duration = registry.histogram({ name: 'gen_ai_client_operation_duration_seconds', help: 'Whole request duration as the gateway saw it.', labelNames: [...genAi, 'error_type'], buckets: durationBuckets });
  const firstToken = registry.histogram({ name: 'gen_ai_server_time_to_first_token_seconds', help: 'Time to the first byte of a streamed answer.', labelNames: genAi, buckets: timeToFirstTokenBuckets });
  const perToken = registry.histogram({ name: 'gen_ai_server_time_per_output_token_seconds', help: 'Time per output token after the first, for streamed answers.', labelNames: genAi, buckets: timePerOutputTokenBuckets });
  const overhead = registry.histogram({ name: 'switchyard_overhead_seconds', help: "The gateway's own time per request, excluding the upstream.", labelNames: ['route'], buckets: overheadBuckets });
  options.extraCollectors?.(registry);

  // The series one kind of request updates, found once per kind. Looking each series up by its
  // labels on every request cost more than the updates themselves. Bounded like the registry.
  // Two maps, as the caller's shape keys and keys made of the labels are different kinds of key
  // that must never meet (one of each could spell the same text).
  const byShape = new Map<string, RequestSeries>();
  const byLabels = new Map<string, RequestSeries>();
  const countTokens = (series: RequestSeries, index: number, value: number) => {
    (series.tokenTotals[index] ??= tokensTotal.bind({ ...series.byModel, kind: tokenKinds[index]! })).inc(value);
  };
  const seriesFor = (sample: MetricsSample, shapeKey: string | undefined): RequestSeries => {
    const provider = sample.provider ?? '';
    const model = sample.model ?? '';
    const errorType = sample.errorKind ?? '';
    const genAiProvider = sample.genAiProvider ?? provider;
    const shapes = shapeKey === undefined ? byLabels : byShape;
    const key = shapeKey ?? `${sample.route}\u0000${sample.operation}\u0000${sample.status}\u0000${provider}\u0000${genAiProvider}\u0000${model}\u0000${errorType}`;
    let found = shapes.get(key);
    if (found) return found;
    if (shapes.size >= 4096) shapes.clear();
    const base = { gen_ai_operation_name: sample.operation, gen_ai_provider_name: genAiProvider, gen_ai_request_model: model };
    const byModel = { gen_ai_provider_name: genAiProvider, gen_ai_request_model: model };
    // Only the requests series exists for every request; the others are bound on first use, so a
    // scrape shows no empty series (no time to first token for a request that never streamed).
    found = { base, byModel, errorType, route: sample.route, requests: requests.bind({ route: sample.route, status: String(sample.status), provider }), tokenTotals: [] };
    shapes.set(key, found);
    return found;
  };

  return {
    registry,
    requestStarted: () => inFlight.inc(),
    requestFinished(sample, shapeKey) {
      inFlight.dec();
      const series = seriesFor(sample, shapeKey);
      series.requests.inc();
      if (series.errorType) (series.errors ??= errors.bind({ route: series.route, error_type: series.errorType })).inc();
      for (const attempt of sample.attempts) {
        const provider = attempt.provider ?? '';
        const outcome = attempt.kind ?? 'success';
        let last = series.lastAttempt;
        if (!last || last.provider !== provider || last.outcome !== outcome) last = series.lastAttempt = { provider, outcome, counter: attempts.bind({ provider, outcome }) };
        last.counter.inc();
        if (attempt.retry > 0) retries.inc({ provider });
      }
      if (sample.fallbacks > 0) fallbacks.inc({ route: sample.route }, sample.fallbacks);
      if (sample.cacheStatus) cache.inc({ status: sample.cacheStatus });
      for (const set of sample.guardrails ?? []) {
        guardrailActions.inc({ phase: set.phase, action: set.action });
        for (const check of set.checks) guardrailChecks.inc({ phase: set.phase, check: check.check, verdict: check.verdict });
      }
      (series.duration ??= duration.bind({ ...series.base, error_type: series.errorType })).observe(sample.totalSeconds);
      if (sample.overheadSeconds !== undefined) (series.overhead ??= overhead.bind({ route: series.route })).observe(sample.overheadSeconds);
      if (sample.costUsd !== undefined) (series.cost ??= cost.bind(series.byModel)).inc(sample.costUsd);
      const used = sample.tokens;
      if (used) {
        if (used.input !== undefined) (series.inputTokens ??= tokens.bind({ ...series.base, gen_ai_token_type: 'input' })).observe(used.input);
        if (used.output !== undefined) (series.outputTokens ??= tokens.bind({ ...series.base, gen_ai_token_type: 'output' })).observe(used.output);
        // A field read by its name at each site: reading them by a variable key (`used[field]`) went
        // through V8's megamorphic lookup on every request.
        if (used.input) countTokens(series, 0, used.input);
        if (used.output) countTokens(series, 1, used.output);
        if (used.cachedInput) countTokens(series, 2, used.cachedInput);
        if (used.cacheWrite) countTokens(series, 3, used.cacheWrite);
        if (used.reasoning) countTokens(series, 4, used.reasoning);
      }
      if (sample.stream && sample.firstByteSeconds !== undefined && !sample.errorKind) {
        (series.firstToken ??= firstToken.bind(series.base)).observe(sample.firstByteSeconds);
        if (used?.output && used.output > 1) (series.perToken ??= perToken.bind(series.base)).observe((sample.totalSeconds - sample.firstByteSeconds) / (used.output - 1));
      }
    },
    render: () => registry.render(),
  };
}
