import { z } from 'zod';
import { routingConfigSchema } from './routing-config-schema.js';

/**
 * The routing config as JSON Schema, for editors and the console. Rules that span fields
 * (conditional target names, tree limits) are checked by parseRoutingConfig only.
 */
export function routingConfigJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(routingConfigSchema, { io: 'input' }) as Record<string, unknown>;
  return { ...schema, title: 'Switchyard routing config', description: "Portkey's config format: a strategy over targets, nested to any depth, or a single target." };
}
