import { z } from 'zod';
import type { ProviderAdapter } from './provider-adapter.js';
import { SPECIFICATION_VERSION } from './specification-version.js';
import { wireFormats } from './wire-format.js';
import { endpointIds, endpointPaths } from './endpoint-id.js';

const chatCapabilitiesSchema = z.object({
  streaming: z.boolean(),
  tools: z.boolean(),
  parallelTools: z.boolean(),
  images: z.boolean(),
  files: z.boolean(),
  audio: z.boolean(),
  reasoning: z.boolean(),
  jsonObject: z.boolean(),
  jsonSchema: z.boolean(),
});

const adapterShapeSchema = z.object({
  specificationVersion: z.number(),
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
  name: z.string().min(1),
  nativeFormat: z.enum(wireFormats as [string, ...string[]]).optional(),
  defaultBaseURL: z.string().url().optional(),
  capabilities: z.object({
    chat: chatCapabilitiesSchema.optional(),
    endpoints: z.array(z.enum(endpointIds)).optional(),
  }),
});

/** Why an adapter definition was refused, with every problem listed. */
export class InvalidProviderError extends Error {
  constructor(
    readonly providerId: string,
    readonly problems: string[],
  ) {
    super(`Invalid provider adapter "${providerId}": ${problems.join('; ')}`);
    this.name = 'InvalidProviderError';
  }
}

/** Lists what is wrong with an adapter definition; empty when it is valid for this core. */
export function checkProvider(candidate: unknown): string[] {
  const parsed = adapterShapeSchema.safeParse(candidate);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const adapter = candidate as ProviderAdapter;
  const problems: string[] = [];
  if (adapter.specificationVersion !== SPECIFICATION_VERSION) {
    problems.push(`specificationVersion ${adapter.specificationVersion} is not supported (this core implements ${SPECIFICATION_VERSION})`);
  }
  if (adapter.capabilities.chat && (typeof adapter.chat?.generate !== 'function' || typeof adapter.chat?.stream !== 'function')) {
    problems.push('declares chat capabilities but does not implement chat.generate and chat.stream');
  }
  const translated: Partial<Record<string, unknown>> = {
    embeddings: adapter.embeddings?.create,
    'images.generations': adapter.images?.generate,
    moderations: adapter.moderations?.create,
    batches: adapter.batches?.create,
  };
  for (const endpoint of adapter.capabilities.endpoints ?? []) {
    if (typeof translated[endpoint] !== 'function' && typeof adapter.proxy !== 'function') {
      problems.push(`declares ${endpointPaths[endpoint]} but implements neither a translated operation for it nor proxy`);
    }
  }
  if (adapter.nativeFormat && adapter.passthrough !== undefined && typeof adapter.passthrough !== 'function') {
    problems.push('passthrough must be a function');
  }
  return problems;
}

/** Declares an adapter, checking it against the contract of this core version. */
export function defineProvider<const T extends Omit<ProviderAdapter, 'specificationVersion'> & { specificationVersion?: typeof SPECIFICATION_VERSION }>(
  definition: T,
): T & ProviderAdapter {
  const adapter = { ...definition, specificationVersion: definition.specificationVersion ?? SPECIFICATION_VERSION } as T & ProviderAdapter;
  const problems = checkProvider(adapter);
  if (problems.length > 0) throw new InvalidProviderError(String(definition.id), problems);
  return adapter;
}
