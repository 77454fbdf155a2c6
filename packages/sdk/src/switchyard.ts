import type Anthropic from '@anthropic-ai/sdk';
import OpenAI, { type ClientOptions } from 'openai';
import { createEmbeddedFetch } from './create-embedded-fetch.js';
import { type EmbeddedGatewayOptions, createEmbeddedGateway } from './create-embedded-gateway.js';
import { loadAnthropic } from './load-anthropic.js';
import { type SwitchyardRoutingOptions, mergeRoutingOptions, splitRoutingOptions, toRoutingHeaders } from './routing-options.js';

/**
 * OpenAI's client options (without `provider`, which here names a gateway provider) plus the
 * gateway's header API.
 */
export type SwitchyardOptions = Omit<ClientOptions, 'provider'> & SwitchyardRoutingOptions;

export type SwitchyardEmbeddedOptions = EmbeddedGatewayOptions & SwitchyardOptions;

export const defaultBaseURL = 'http://127.0.0.1:8787/v1';
/** Sent when no key is configured: a keyless gateway ignores it, and the OpenAI client insists on one. */
export const placeholderApiKey = 'switchyard';
/** The base URL of an embedded client; nothing listens there, its fetch answers in-process. */
export const embeddedBaseURL = 'http://switchyard.embedded/v1';

/**
 * The OpenAI client pointed at a Switchyard gateway: every OpenAI method family, plus the
 * routing options as headers, plus the Messages API (`client.messages`) through the same gateway.
 */
export class Switchyard extends OpenAI {
  /** The routing options this client sends on every request. */
  readonly routing: SwitchyardRoutingOptions;
  // The options as given (routing part apart), so derived clients start from the same place.
  readonly #clientOptions: Omit<SwitchyardOptions, keyof SwitchyardRoutingOptions>;
  #messages: Anthropic['messages'] | undefined;
  #close: (() => Promise<void>) | undefined;

  constructor(options: SwitchyardOptions = {}) {
    const { routing, rest } = splitRoutingOptions(options);
    const clientOptions = {
      ...rest,
      baseURL: rest.baseURL ?? readEnv('SWITCHYARD_BASE_URL') ?? defaultBaseURL,
      apiKey: rest.apiKey ?? readEnv('SWITCHYARD_API_KEY') ?? placeholderApiKey,
    };
    super({ ...clientOptions, defaultHeaders: { ...toRoutingHeaders(routing), ...rest.defaultHeaders } });
    this.routing = routing;
    this.#clientOptions = clientOptions;
  }

  /**
   * A client whose `fetch` answers from a gateway handler built in this process from the given
   * adapters and providers: no server, no socket. Call `close()` when done with it.
   */
  static embedded(options: SwitchyardEmbeddedOptions): Switchyard {
    const { adapters, providers, defaultProvider, modelAliases, configs, allowedHosts, timeouts, routing, onRequestComplete, responseStore, fileStore, ...clientOptions } = options;
    const gateway = createEmbeddedGateway({ adapters, providers, defaultProvider, modelAliases, configs, allowedHosts, timeouts, routing, onRequestComplete, responseStore, fileStore });
    const client = new Switchyard({ baseURL: embeddedBaseURL, ...clientOptions, fetch: createEmbeddedFetch(gateway.handler) });
    client.#close = gateway.close;
    return client;
  }

  /** A client with these options over this one's; routing options merge key by key (`metadata` objects merge). */
  override withOptions(options: Partial<SwitchyardOptions>): this;
  /** @deprecated OpenAI's third-party `provider` objects are not supported (it throws): a Switchyard client talks to the gateway. */
  override withOptions(options: Partial<ClientOptions>): this;
  override withOptions(options: Partial<SwitchyardOptions> | Partial<ClientOptions>): this {
    const { routing, rest } = splitRoutingOptions(options as Partial<SwitchyardOptions>);
    const Derived = this.constructor as new (options: SwitchyardOptions) => this;
    const derived = new Derived({ ...this.#clientOptions, ...rest, ...mergeRoutingOptions(this.routing, routing) });
    // An embedded client's derivations share its gateway; closing any of them closes it.
    derived.#close = this.#close;
    return derived;
  }

  /**
   * The Messages API of @anthropic-ai/sdk (an optional peer dependency), sent through the same
   * gateway with the same routing headers (and the same in-process fetch when embedded).
   */
  get messages(): Anthropic['messages'] {
    if (!this.#messages) {
      const Anthropic = loadAnthropic();
      const anthropic = new Anthropic({
        baseURL: gatewayOrigin(this.baseURL),
        apiKey: this.apiKey,
        fetch: this.#clientOptions.fetch as never,
        maxRetries: this.maxRetries,
        timeout: this.timeout,
        defaultHeaders: { ...toRoutingHeaders(this.routing), ...this.#clientOptions.defaultHeaders } as Record<string, string>,
      });
      this.#messages = anthropic.messages;
    }
    return this.#messages;
  }

  /** Releases what an embedded client holds (pooled upstream connections); a no-op for a remote client. */
  async close(): Promise<void> {
    await this.#close?.();
  }
}

/** The Messages API lives at `/v1/messages` of the gateway; Anthropic's client adds `/v1` itself. */
function gatewayOrigin(baseURL: string): string {
  return baseURL.replace(/\/+$/, '').replace(/\/v1$/, '');
}

function readEnv(name: string): string | undefined {
  const value = typeof process === 'undefined' ? undefined : process.env[name]?.trim();
  return value ? value : undefined;
}
