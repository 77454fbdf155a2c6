import { type EndpointId, InvalidRequestError, endpointPaths } from '@switchyard/core';
import type { GatewayRequest, GatewayResponse } from '../gateway-types.js';
import type { RouteContext } from '../route-context.js';
import { readModel } from './json-model-route.js';
import { proxyToProvider } from './proxy-to-provider.js';
import { endpointNotServed, proxiesEndpoint } from './require-endpoint.js';
import { readWholeBody } from './request-body-stream.js';
import { runModelEndpoint } from './run-model-endpoint.js';
import { streamedRoute } from './streamed-route.js';

/**
 * A multipart endpoint whose form names the model (audio transcriptions and translations,
 * image edits and variations), routed like chat. The form is read whole — these uploads are
 * capped at 25 MB by OpenAI, and the host's upload limit applies while reading — and parsed
 * with the web platform's FormData. When no attempt changes a field the client's bytes go
 * upstream intact; when the model is rewritten (`@slug/model`, a config's override) the form is
 * re-encoded with a fresh boundary, files and fields otherwise unchanged. String-valued
 * `override_params` become form fields.
 */
export function createMultipartModelRoute(endpoint: EndpointId, options: { modelOptional?: boolean } = {}) {
  const path = endpointPaths[endpoint].slice('/v1'.length);
  return streamedRoute(async function handleMultipartEndpoint(request: GatewayRequest, route: RouteContext): Promise<GatewayResponse> {
    const contentType = request.headers['content-type'] ?? '';
    if (!/^multipart\/form-data\s*;/i.test(contentType)) {
      throw new InvalidRequestError(`${endpointPaths[endpoint]} takes a multipart/form-data body (a file and fields), not ${contentType || 'no content type'}.`);
    }
    const bytes = await readWholeBody(request);
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
    } catch {
      throw new InvalidRequestError('The multipart/form-data body could not be parsed.');
    }
    const model = readModel(form.get('model') ?? undefined, !options.modelOptional);
    const params: Record<string, unknown> = {};
    for (const [name, value] of form) if (typeof value === 'string') params[name] = value;
    const encodings = new Map<string, Promise<{ body: Uint8Array; contentType: string }>>();

    return runModelEndpoint(request, route, { endpoint, model, params }, async (call) => {
      const { target, spec, info } = call;
      if (!proxiesEndpoint(target.entry.adapter, endpoint)) throw endpointNotServed(target.entry.slug, endpoint, model ? 'model' : undefined);
      const fields: Record<string, string> = {};
      for (const [name, value] of Object.entries(spec.overrideParams)) {
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[name] = String(value);
      }
      if (target.model) fields.model = target.model;
      const changed = Object.entries(fields).some(([name, value]) => form.get(name) !== value);
      let body: Uint8Array = bytes;
      let bodyType: string | undefined;
      if (changed) {
        const key = JSON.stringify(fields);
        let encoding = encodings.get(key);
        if (!encoding) encodings.set(key, (encoding = reencode(form, fields)));
        ({ body, contentType: bodyType } = await encoding);
      }
      return proxyToProvider(request, route, target, {
        path,
        endpoint,
        body,
        contentType: bodyType,
        model: target.model || undefined,
        requestHeaders: call.headers,
        signal: info.signal,
        onFirstByte: info.reportFirstByte,
        upstreamErrors: 'throw',
      });
    });
  });
}

/** The form with some fields replaced, as bytes and the content type carrying its new boundary. */
async function reencode(form: FormData, fields: Record<string, string>): Promise<{ body: Uint8Array; contentType: string }> {
  const copy = new FormData();
  const written = new Set<string>();
  for (const [name, value] of form) {
    if (!(name in fields)) copy.append(name, value);
    else if (!written.has(name)) {
      // The replacement keeps the field's place in the form.
      copy.append(name, fields[name]!);
      written.add(name);
    }
  }
  for (const [name, value] of Object.entries(fields)) if (!written.has(name)) copy.append(name, value);
  const encoded = new Response(copy);
  return { body: new Uint8Array(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type')! };
}
