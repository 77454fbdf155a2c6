import { AuthenticationError, InvalidRequestError, type ProviderCallContext } from '@switchyard/core';
import type { VertexServiceAccount } from './vertex-api.js';
import { parseVertexServiceAccount } from './parse-vertex-service-account.js';

/** How one call authenticates: a bearer token given as is, or a service account to exchange. */
export type VertexCredentials =
  | { type: 'access-token'; token: string }
  | {
      type: 'service-account';
      account: VertexServiceAccount;
      /** The account came from the instance's settings (the operator), not from a request header. */
      fromSettings: boolean;
    };

export interface VertexSettings {
  project: string;
  location: string;
  /** The REST version segment: `v1` unless `options.apiVersion` says otherwise (`v1beta1`). */
  apiVersion: string;
  credentials: VertexCredentials;
}

export const defaultVertexLocation = 'us-central1';

// Both become part of the URL (the location even of the host name), so only their documented
// shapes pass. Projects: `my-project-123`, a legacy domain-scoped `example.com:my-project`, or
// a project number. Locations: `us-central1`, `europe-west4`, `global`, `us`, `eu`.
const projectPattern = /^(?:(?:[a-z][a-z0-9-]*\.)+[a-z]{2,}:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$|^\d{1,20}$/;
const locationPattern = /^[a-z]+(?:-[a-z]+\d+)?$/;
const apiVersionPattern = /^v\d+(?:(?:alpha|beta)\d*)?$/;

/**
 * Project, location, API version and credentials of one call. Per-request headers win over
 * the instance's settings (native `x-switchyard-vertex-*` over Portkey's `x-portkey-vertex-*`):
 * `-project-id`, `-region`, `-service-account-json`. Then `settings.options` (`project`,
 * `location`, `serviceAccountJson`, `apiVersion`); the project may also come from the service
 * account's `project_id`. A service account, wherever given, wins over `settings.apiKey`, which
 * is otherwise taken as an OAuth access token (as Portkey does).
 */
export function resolveVertexSettings(context: ProviderCallContext): VertexSettings {
  const headers = context.requestHeaders;
  const options = context.settings.options ?? {};
  const header = (name: string) => nonEmpty(headers[`x-switchyard-vertex-${name}`]) ?? nonEmpty(headers[`x-portkey-vertex-${name}`]);

  let credentials: VertexCredentials;
  const headerAccount = header('service-account-json');
  if (headerAccount !== undefined) {
    credentials = { type: 'service-account', account: parseVertexServiceAccount(headerAccount, 'x-switchyard-vertex-service-account-json'), fromSettings: false };
  } else if (options.serviceAccountJson !== undefined && options.serviceAccountJson !== null && options.serviceAccountJson !== '') {
    credentials = { type: 'service-account', account: parseVertexServiceAccount(options.serviceAccountJson, 'options.serviceAccountJson'), fromSettings: true };
  } else if (context.settings.apiKey) {
    credentials = { type: 'access-token', token: context.settings.apiKey };
  } else {
    throw new AuthenticationError(
      'Vertex AI needs credentials: an OAuth access token as the API key, or a service-account key (options.serviceAccountJson or the x-switchyard-vertex-service-account-json header).',
      { provider: 'vertex-ai' },
    );
  }

  const project =
    header('project-id') ?? stringOption(options.project) ?? (credentials.type === 'service-account' ? nonEmpty(credentials.account.project_id) : undefined);
  if (project === undefined) {
    throw new InvalidRequestError('Vertex AI needs a project: set options.project or send x-switchyard-vertex-project-id.', {
      param: 'x-switchyard-vertex-project-id',
      provider: 'vertex-ai',
    });
  }
  if (!projectPattern.test(project)) {
    throw new InvalidRequestError(`"${project}" is not a Google Cloud project id.`, { param: 'x-switchyard-vertex-project-id', provider: 'vertex-ai' });
  }

  let location = header('region') ?? stringOption(options.location);
  if (location === undefined) {
    location = defaultVertexLocation;
    context.warn({ type: 'default-applied', field: 'x-switchyard-vertex-region', message: `No Vertex AI location was configured; ${defaultVertexLocation} was used.` });
  }
  if (!locationPattern.test(location)) {
    throw new InvalidRequestError(`"${location}" is not a Vertex AI location.`, { param: 'x-switchyard-vertex-region', provider: 'vertex-ai' });
  }

  const apiVersion = stringOption(options.apiVersion) ?? 'v1';
  if (!apiVersionPattern.test(apiVersion)) {
    throw new InvalidRequestError(`"${apiVersion}" is not a Vertex AI API version (v1, v1beta1 …).`, { param: 'options.apiVersion', provider: 'vertex-ai' });
  }
  return { project, location, apiVersion, credentials };
}

function stringOption(value: unknown): string | undefined {
  return typeof value === 'string' ? nonEmpty(value) : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
