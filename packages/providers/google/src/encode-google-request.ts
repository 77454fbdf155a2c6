import type { ChatRequest, Warning } from '@switchyard/core';
import { convertToGoogleContents } from './convert-to-google-contents.js';
import type { GoogleGenerateContentRequest } from './google-api.js';
import { readGoogleProviderOptions } from './google-provider-options.js';
import { prepareGoogleGenerationConfig } from './prepare-google-generation-config.js';
import { prepareGoogleTools } from './prepare-google-tools.js';

export interface EncodedGoogleRequest {
  body: GoogleGenerateContentRequest;
  warnings: Warning[];
}

export interface EncodeGoogleRequestOptions {
  /** The providerOptions key read for Gemini-only fields, and the provider named in reasoning parts (default 'google'). */
  provider?: string;
}

/**
 * The canonical request → a `generateContent` body (the same for `streamGenerateContent`,
 * and for Vertex AI). Warnings list what could not be carried.
 */
export function encodeGoogleRequest(request: ChatRequest, options: EncodeGoogleRequestOptions = {}): EncodedGoogleRequest {
  const provider = options.provider ?? 'google';
  const warnings: Warning[] = [];
  const providerOptions = readGoogleProviderOptions(request, provider, warnings);
  const { contents, systemInstruction } = convertToGoogleContents(request.messages, warnings, provider);

  const body: GoogleGenerateContentRequest = { contents };
  if (systemInstruction) body.systemInstruction = systemInstruction;
  const { tools, toolConfig } = prepareGoogleTools(request, providerOptions, warnings);
  if (tools) body.tools = tools;
  if (toolConfig) body.toolConfig = toolConfig;
  const generationConfig = prepareGoogleGenerationConfig(request, providerOptions, warnings);
  if (generationConfig) body.generationConfig = generationConfig;
  Object.assign(body, providerOptions.body);

  if (request.user !== undefined) {
    warnings.push({ type: 'unsupported-field', field: 'user', message: 'Gemini has no end-user id; user was not sent.' });
  }
  if (request.metadata !== undefined) {
    warnings.push({ type: 'unsupported-field', field: 'metadata', message: 'Gemini has no request metadata; metadata was not sent.' });
  }
  return { body, warnings };
}
