/** Deadlines for one upstream call, in milliseconds. 0 or absent means no deadline of that kind. */
export interface HttpTimeouts {
  /** From dispatch until the TCP/TLS connection is up. */
  connectMs?: number;
  /** From dispatch until the response status and headers arrived (time to first byte). */
  headersMs?: number;
  /** Longest silence allowed between two body chunks (a stalled stream). */
  bodyIdleMs?: number;
}

export interface HttpRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** An async iterable streams the body (uploads pass through without being held whole). */
  body?: string | Uint8Array | AsyncIterable<Uint8Array>;
  signal?: AbortSignal;
  timeouts?: HttpTimeouts;
  /** The provider id, carried into any UpstreamError raised for this call. */
  provider: string;
}

export interface HttpResponse {
  status: number;
  /** Lower-cased header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The body as it arrives. Consume it once, by iterating or by one of the helpers. */
  body: AsyncIterable<Uint8Array>;
  text(): Promise<string>;
  bytes(): Promise<Uint8Array>;
  json(): Promise<unknown>;
  /** Stops the body and frees the connection (on abort or when the rest is not needed). */
  dispose(): void;
}

/** The one way adapters reach the network: `HttpClient` in core implements it over undici. */
export interface HttpTransport {
  request(request: HttpRequest): Promise<HttpResponse>;
}
