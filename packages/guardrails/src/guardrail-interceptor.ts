import type { ChatOperations, ChatRequest, GuardrailCheck, GuardrailVerdict, ProviderCallContext, Usage } from '@switchyard/core';
import { responseTexts, requestTexts } from './chat-texts.js';
import { guardrailBlockedError } from './guardrail-blocked-error.js';
import { GuardrailCheckRegistry } from './guardrail-check-registry.js';
import { type GuardrailPlan, type GuardrailSet, streamPolicyFor } from './guardrail-set.js';
import { parseNamedGuardrailSets, resolveGuardrailPlan } from './parse-guardrail-config.js';
import { runGuardrailSets } from './run-guardrail-sets.js';
import { auditStream } from './streams/audit-stream.js';
import { bufferStream } from './streams/buffer-stream.js';
import type { OutputGuard } from './streams/output-guard.js';
import { windowStream } from './streams/window-stream.js';
import { verdictHeader } from './verdict-header.js';

// The server's ChatAttemptInfo / ChatInterceptor, structurally: this package does not depend on the server.
export interface GuardrailAttemptInfo {
  request: { signal?: AbortSignal };
  spec: { extra: Record<string, unknown> };
  record: { guardrails?: GuardrailVerdict[]; metadata?: Record<string, string>; usage?: Usage };
  setHeader(name: string, value: string): void;
}

export interface GuardrailInterceptor {
  readonly name: string;
  appliesTo(info: GuardrailAttemptInfo): boolean;
  wrap(operations: ChatOperations, info: GuardrailAttemptInfo): ChatOperations;
  /** A named set by id — what gateway keys refer to. */
  lookupSet(id: string): GuardrailSet | undefined;
}

export interface GuardrailInterceptorOptions {
  /** Named sets (the gateway config's `guardrails`), in Portkey's guardrail object format. */
  sets?: Record<string, unknown>;
  /** Checks beyond the built-in ones (from plugins). */
  checks?: readonly GuardrailCheck<any>[];
  /** Called with each phase's verdicts as they are known (metrics per check). */
  onVerdicts?(verdicts: readonly GuardrailVerdict[]): void;
}

export const guardrailHeader = 'x-switchyard-guardrails';

/**
 * The chat interceptor that runs guardrails: input sets before the upstream call (a block
 * costs no tokens, a redaction changes what the provider receives), output sets on the answer
 * before it is returned — on streams by the config's policy (`buffer`, `window`, `audit`).
 * Named sets are parsed at creation, so a bad gateway config fails at start.
 */
export function createGuardrailInterceptor(options: GuardrailInterceptorOptions = {}): GuardrailInterceptor {
  const registry = new GuardrailCheckRegistry(options.checks ?? []);
  const named = parseNamedGuardrailSets(options.sets ?? {}, registry);
  const lookupSet = (id: string) => named.get(id);
  const plans = new WeakMap<object, GuardrailPlan | undefined>();
  const planFor = (info: GuardrailAttemptInfo) => {
    if (!plans.has(info)) plans.set(info, resolveGuardrailPlan(info.spec.extra, registry, lookupSet));
    return plans.get(info);
  };

  return {
    name: 'guardrails',
    lookupSet,
    appliesTo: (info) => planFor(info) !== undefined,
    wrap(operations, info) {
      const plan = planFor(info)!;
      const verdicts: GuardrailVerdict[] = [];
      const report = (found: readonly GuardrailVerdict[]) => {
        if (found.length === 0) return;
        verdicts.push(...found);
        (info.record.guardrails ??= []).push(...found);
        options.onVerdicts?.(found);
      };
      const publishHeader = () => verdicts.length > 0 && info.setHeader(guardrailHeader, verdictHeader(verdicts));
      const metadataOf = (request: ChatRequest) => ({ ...request.metadata, ...info.record.metadata });

      /** Runs the input sets; returns the (redacted) request and the async sets' pending run. */
      async function guardInput(request: ChatRequest): Promise<{ request: ChatRequest; background?: Promise<void> }> {
        if (plan.input.length === 0) return { request };
        const slots = requestTexts(request);
        const run = (sets: GuardrailSet[], mode: 'enforce' | 'observe') =>
          runGuardrailSets(sets, {
            phase: 'input',
            texts: slots.texts,
            select: (set) => (set.scope === 'all-messages' ? slots.texts.map((_, index) => index) : slots.lastMessage),
            model: request.model,
            metadata: metadataOf(request),
            signal: info.request.signal,
            mode,
          });
        const asyncSets = plan.input.filter((set) => set.async);
        // Async sets never delay the call: they run beside it and are logged when done.
        const background = asyncSets.length > 0 ? run(asyncSets, 'observe').then((result) => report(result.verdicts)) : undefined;
        const result = await run(plan.input.filter((set) => !set.async), 'enforce');
        report(result.verdicts);
        if (result.blocked) throw guardrailBlockedError('input', result.blocked);
        const changed = result.texts.some((text, index) => text !== slots.texts[index]);
        return { request: changed ? slots.apply(result.texts) : request, background };
      }

      const outputGuard = (model: string, request: ChatRequest): OutputGuard => ({
        sets: plan.output,
        run: (sets, text, mode) => runGuardrailSets(sets, { phase: 'output', texts: [text], model, metadata: metadataOf(request), signal: info.request.signal, mode }),
        report,
      });

      return {
        async generate(request: ChatRequest, context: ProviderCallContext) {
          const input = await guardInput(request);
          const response = await operations.generate(input.request, context);
          await input.background;
          if (plan.output.length > 0) {
            const slots = responseTexts(response);
            const guard = outputGuard(response.model, request);
            const enforced = await runGuardrailSets(plan.output, { phase: 'output', texts: slots.texts, model: response.model, metadata: metadataOf(request), signal: info.request.signal, mode: 'enforce' });
            guard.report(enforced.verdicts);
            if (enforced.blocked) {
              // The tokens were spent: the log keeps what the blocked answer cost.
              info.record.usage = response.usage;
              throw guardrailBlockedError('output', enforced.blocked);
            }
            publishHeader();
            return slots.apply(enforced.texts);
          }
          publishHeader();
          return response;
        },
        async stream(request: ChatRequest, context: ProviderCallContext) {
          const input = await guardInput(request);
          const started = await operations.stream(input.request, context);
          if (plan.output.length === 0) {
            publishHeader();
            return started;
          }
          const guard = outputGuard(input.request.model, request);
          const policy = streamPolicyFor(plan);
          if (policy.policy === 'buffer') {
            const events = await bufferStream(started.events, guard);
            publishHeader();
            return { ...started, events };
          }
          publishHeader();
          return { ...started, events: policy.policy === 'window' ? windowStream(started.events, guard, policy.holdback) : auditStream(started.events, guard) };
        },
      };
    },
  };
}
