import { routingConfigJsonSchema } from '@switchyard/router';
import { z } from 'zod';
import { gatewayConfigSchema } from './gateway-config.js';

/** JSON Schemas for editors: the gateway file, and a routing config (x-switchyard-config, `configs.*`). */
export function configJsonSchemas(): Record<string, Record<string, unknown>> {
  return {
    'gateway-config.schema.json': { $id: 'https://switchyard.dev/schemas/gateway-config.json', ...z.toJSONSchema(gatewayConfigSchema, { io: 'input' }) },
    'routing-config.schema.json': { $id: 'https://switchyard.dev/schemas/routing-config.json', ...routingConfigJsonSchema() },
  };
}
