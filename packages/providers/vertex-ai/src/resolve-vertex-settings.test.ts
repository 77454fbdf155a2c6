import { GatewayError, type ProviderCallContext, type ProviderSettings, type Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { resolveVertexSettings } from './resolve-vertex-settings.js';

const account = { type: 'service_account', project_id: 'sa-project-1', private_key: 'PEM', client_email: 'sa@sa-project-1.iam.gserviceaccount.com' };

function resolve(settings: ProviderSettings, requestHeaders: Record<string, string> = {}) {
  const warnings: Warning[] = [];
  const context: ProviderCallContext = {
    settings,
    http: { request: async () => { throw new Error('unused'); } },
    signal: new AbortController().signal,
    requestHeaders,
    warn: (warning) => warnings.push(warning),
  };
  return { resolved: resolveVertexSettings(context), warnings };
}

function failure(settings: ProviderSettings, requestHeaders: Record<string, string> = {}) {
  try {
    resolve(settings, requestHeaders);
  } catch (error) {
    if (GatewayError.isInstance(error)) return { kind: error.kind, message: error.message, param: error.param };
    throw error;
  }
  throw new Error('expected a failure');
}

describe('resolveVertexSettings', () => {
  it('takes the API key as an access token and project/location from options', () => {
    expect(resolve({ apiKey: 'ya29.token', options: { project: 'my-project', location: 'europe-west4' } })).toEqual({
      resolved: { project: 'my-project', location: 'europe-west4', apiVersion: 'v1', credentials: { type: 'access-token', token: 'ya29.token' } },
      warnings: [],
    });
  });

  it('prefers a service account over the API key, and takes its project when none is set', () => {
    const { resolved } = resolve({ apiKey: 'ya29.token', options: { serviceAccountJson: JSON.stringify(account), location: 'us-east5' } });
    expect(resolved.project).toBe('sa-project-1');
    expect(resolved.credentials).toEqual({ type: 'service-account', account, fromSettings: true });
    // Given as an object too.
    expect(resolve({ options: { serviceAccountJson: account, location: 'global' } }).resolved.credentials.type).toBe('service-account');
  });

  it('lets request headers override, native names over Portkey aliases', () => {
    const { resolved } = resolve(
      { apiKey: 'ya29.token', options: { project: 'my-project', location: 'us-central1' } },
      {
        'x-switchyard-vertex-project-id': 'header-project',
        'x-portkey-vertex-project-id': 'portkey-project',
        'x-portkey-vertex-region': 'asia-northeast1',
        'x-portkey-vertex-service-account-json': JSON.stringify(account),
      },
    );
    expect(resolved).toMatchObject({ project: 'header-project', location: 'asia-northeast1', credentials: { type: 'service-account', fromSettings: false } });
  });

  it('applies us-central1 with a warning when no location is given', () => {
    const { resolved, warnings } = resolve({ apiKey: 't', options: { project: 'my-project' } });
    expect(resolved.location).toBe('us-central1');
    expect(warnings).toEqual([expect.objectContaining({ type: 'default-applied', field: 'x-switchyard-vertex-region' })]);
  });

  it('refuses a project or location that could change the URL', () => {
    expect(failure({ apiKey: 't', options: { project: 'evil.com/x', location: 'us-central1' } })).toMatchObject({ kind: 'invalid_request' });
    expect(failure({ apiKey: 't', options: { project: 'my-project' } }, { 'x-switchyard-vertex-region': 'evil.com#' })).toMatchObject({
      kind: 'invalid_request',
      param: 'x-switchyard-vertex-region',
    });
    expect(failure({ apiKey: 't', options: { project: 'my-project', location: 'us-central1', apiVersion: 'v1/../x' } })).toMatchObject({ kind: 'invalid_request' });
    // A legacy domain-scoped project and a project number are real shapes.
    expect(resolve({ apiKey: 't', options: { project: 'example.com:my-project', location: 'us' } }).resolved.project).toBe('example.com:my-project');
    expect(resolve({ apiKey: 't', options: { project: '123456789012', location: 'eu' } }).resolved.project).toBe('123456789012');
  });

  it('needs credentials and a project', () => {
    expect(failure({ options: { project: 'my-project' } })).toMatchObject({ kind: 'authentication' });
    expect(failure({ apiKey: 't', options: { location: 'us-central1' } })).toMatchObject({ kind: 'invalid_request', param: 'x-switchyard-vertex-project-id' });
  });

  it('refuses a malformed key without quoting it', () => {
    const broken = failure({ options: { project: 'my-project', location: 'us-central1', serviceAccountJson: '{"private_key": "SECRET-KEY"' } });
    expect(broken).toMatchObject({ kind: 'authentication', message: expect.stringContaining('not valid JSON') });
    expect(broken.message).not.toContain('SECRET');
    const incomplete = failure({ options: { project: 'my-project', location: 'us-central1' } }, { 'x-switchyard-vertex-service-account-json': '{"private_key":"SECRET-KEY"}' });
    expect(incomplete).toMatchObject({ kind: 'authentication', message: expect.stringContaining('client_email') });
    expect(incomplete.message).not.toContain('SECRET');
    const user = failure({ options: { project: 'my-project', serviceAccountJson: { ...account, type: 'authorized_user' } } });
    expect(user.message).toContain('authorized_user');
  });
});
