import { InvalidRequestError, type ProviderCallContext } from '@switchyard/core';

/**
 * The latest dated GA version of the Azure OpenAI data-plane inference API
 * (https://learn.microsoft.com/azure/ai-foundry/openai/reference, "Latest GA release").
 * Features that came later (reasoning_effort, newer response fields) need a preview version or
 * the v1 API: set `options.apiVersion` (or the `x-switchyard-azure-api-version` header).
 */
export const defaultAzureOpenAIApiVersion = '2024-10-21';

/**
 * `apiVersion: 'v1'` selects the v1 API (GA since August 2025): `/openai/v1/chat/completions`,
 * no api-version, the deployment named by `model` in the body. `'preview'` is the same path with
 * `?api-version=preview` (the v1 preview surface).
 * https://learn.microsoft.com/azure/ai-foundry/openai/api-version-lifecycle
 */
const v1ApiVersions = new Set(['v1', 'preview']);

// An Azure resource's custom subdomain: letters, digits and inner hyphens, at most 64 characters.
// It becomes a host name, so nothing else (dots, ports, slashes, `@`) may get through.
const resourceNamePattern = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
// A deployment name is one path segment: no `..`, no slash, nothing to escape.
const deploymentPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const apiVersionPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export type AzureOpenAIAuthMode = 'api-key' | 'entra';

/** Where and how one Azure OpenAI call goes. */
export interface AzureOpenAIRequestSettings {
  /** `https://{resource}.openai.azure.com/openai` or the configured base URL, no trailing slash. */
  baseURL: string;
  /** The deployment: a URL segment for dated versions, the body's `model` on the v1 API. */
  deployment: string;
  apiVersion: string;
  /** True for the v1 API shape (model in the body, no deployment in the path). */
  v1: boolean;
  /** The Chat Completions URL, query included. */
  chatCompletionsURL: string;
}

/**
 * Reads the request's Azure settings. Each comes from the header API first (`x-switchyard-azure-*`,
 * Portkey's `x-portkey-azure-*` as the alias), then the instance's `settings.options`, then a default:
 * - resource: `azure-resource-name` header, else `settings.baseURL` (custom_host, Portkey's shape
 *   `https://{resource}.openai.azure.com/openai`; a bare origin gets `/openai`), else
 *   `options.resourceName`. The name is checked against Azure's pattern and can only ever name
 *   a host under `openai.azure.com`.
 * - deployment: `azure-deployment-id` header, else `options.deploymentId`, else the request's model.
 * - api version: `azure-api-version` header, else `options.apiVersion`, else the latest GA version.
 */
export function readAzureOpenAIRequestSettings(context: ProviderCallContext, model: string): AzureOpenAIRequestSettings {
  const options = context.settings.options ?? {};
  const { apiVersion, v1 } = readAzureOpenAIApiVersion(context);
  const deployment = header(context, 'azure-deployment-id') ?? stringOption(options.deploymentId) ?? model;
  if (!v1 && !deploymentPattern.test(deployment)) {
    throw new InvalidRequestError(
      `"${deployment}" is not an Azure OpenAI deployment name (letters, digits, '.', '_' and '-').`,
      { param: 'x-switchyard-azure-deployment-id' },
    );
  }
  const baseURL = azureBaseURL(context);
  const query = v1 ? (apiVersion === 'preview' ? '?api-version=preview' : '') : `?api-version=${encodeURIComponent(apiVersion)}`;
  const path = v1 ? '/v1/chat/completions' : `/deployments/${encodeURIComponent(deployment)}/chat/completions`;
  return { baseURL, deployment, apiVersion, v1, chatCompletionsURL: `${baseURL}${path}${query}` };
}

/** The API version (header, option, default) and whether it is the v1 API shape. */
export function readAzureOpenAIApiVersion(context: ProviderCallContext): { apiVersion: string; v1: boolean } {
  const apiVersion =
    header(context, 'azure-api-version') ?? stringOption(context.settings.options?.apiVersion) ?? defaultAzureOpenAIApiVersion;
  if (!apiVersionPattern.test(apiVersion)) {
    throw new InvalidRequestError(`"${apiVersion}" is not an Azure OpenAI API version.`, { param: 'x-switchyard-azure-api-version' });
  }
  return { apiVersion, v1: v1ApiVersions.has(apiVersion) };
}

/** The resource's base URL (`https://{resource}.openai.azure.com/openai` or the configured one), for calls that name no deployment. */
export function readAzureOpenAIBaseURL(context: ProviderCallContext): string {
  return azureBaseURL(context);
}

/** How the instance authenticates: `options.authMode` ('api-key' by default; 'entra' sends `settings.apiKey` as a bearer token). */
export function readAzureOpenAIAuthMode(context: ProviderCallContext): AzureOpenAIAuthMode {
  return context.settings.options?.authMode === 'entra' ? 'entra' : 'api-key';
}

/** A request's own Microsoft Entra ID token (`x-switchyard-azure-ad-token`, Portkey's `x-portkey-azure-ad-token`). */
export function readAzureAdToken(context: ProviderCallContext): string | undefined {
  const token = header(context, 'azure-ad-token');
  return token?.replace(/^Bearer\s+/i, '');
}

function azureBaseURL(context: ProviderCallContext): string {
  const resourceHeader = header(context, 'azure-resource-name');
  if (resourceHeader !== undefined) return resourceBaseURL(resourceHeader, 'x-switchyard-azure-resource-name');
  if (context.settings.baseURL) return normaliseBaseURL(context.settings.baseURL);
  const resourceOption = stringOption(context.settings.options?.resourceName);
  if (resourceOption !== undefined) return resourceBaseURL(resourceOption, 'resourceName');
  throw new InvalidRequestError(
    'No Azure OpenAI resource: configure options.resourceName or a base URL, or send the x-switchyard-azure-resource-name header.',
    { param: 'x-switchyard-azure-resource-name' },
  );
}

function resourceBaseURL(name: string, param: string): string {
  const resource = name.toLowerCase();
  if (!resourceNamePattern.test(resource)) {
    throw new InvalidRequestError(`"${name}" is not an Azure resource name (letters, digits and hyphens, at most 64).`, { param });
  }
  return `https://${resource}.openai.azure.com/openai`;
}

/**
 * Portkey's custom_host for Azure includes `/openai`; the Azure SDKs' AZURE_OPENAI_ENDPOINT is the
 * bare origin. Both are accepted: an origin with no path gets `/openai`.
 */
function normaliseBaseURL(baseURL: string): string {
  const trimmed = baseURL.replace(/\/+$/, '');
  try {
    const url = new URL(trimmed);
    if (url.pathname === '/' || url.pathname === '') return `${trimmed}/openai`;
  } catch {
    // Not a URL: the HTTP client reports it when the call is made.
  }
  return trimmed;
}

function header(context: ProviderCallContext, name: string): string | undefined {
  const value = context.requestHeaders[`x-switchyard-${name}`] ?? context.requestHeaders[`x-portkey-${name}`];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function stringOption(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
