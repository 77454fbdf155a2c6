export { Switchyard, type SwitchyardOptions, type SwitchyardEmbeddedOptions, defaultBaseURL, embeddedBaseURL, placeholderApiKey } from './switchyard.js';
export { Switchyard as default } from './switchyard.js';
export type { SwitchyardRoutingOptions } from './routing-options.js';
export { toRoutingHeaders } from './routing-options.js';
export { defineConfig } from './define-config.js';
export { createEmbeddedFetch } from './create-embedded-fetch.js';
export { createEmbeddedGateway, type EmbeddedGateway, type EmbeddedGatewayOptions, type EmbeddedProvider } from './create-embedded-gateway.js';
export type { RoutingConfig } from '@switchyard/router';
