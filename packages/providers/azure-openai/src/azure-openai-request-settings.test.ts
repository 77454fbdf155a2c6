import type { ProviderCallContext, ProviderSettings } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { defaultAzureOpenAIApiVersion, readAzureAdToken, readAzureOpenAIRequestSettings } from './azure-openai-request-settings.js';

function context(settings: ProviderSettings, requestHeaders: Record<string, string> = {}): ProviderCallContext {
  return { settings, requestHeaders, http: { request: async () => { throw new Error('no network'); } }, signal: new AbortController().signal, warn: () => {} };
}

describe('readAzureOpenAIRequestSettings', () => {
  it('builds the deployment URL from options, the model standing in for the deployment', () => {
    const target = readAzureOpenAIRequestSettings(context({ options: { resourceName: 'My-Resource' } }), 'gpt-4o');
    expect(target).toEqual({
      baseURL: 'https://my-resource.openai.azure.com/openai',
      deployment: 'gpt-4o',
      apiVersion: defaultAzureOpenAIApiVersion,
      v1: false,
      chatCompletionsURL: 'https://my-resource.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21',
    });
  });

  it('takes the header API first (native over the Portkey alias), then options', () => {
    const target = readAzureOpenAIRequestSettings(
      context({ options: { resourceName: 'configured', deploymentId: 'configured-deployment', apiVersion: '2024-06-01' } }, {
        'x-portkey-azure-resource-name': 'portkey-resource',
        'x-switchyard-azure-resource-name': 'native-resource',
        'x-portkey-azure-deployment-id': 'prod-gpt4o',
        'x-portkey-azure-api-version': '2025-04-01-preview',
      }),
      'gpt-4o',
    );
    expect(target.chatCompletionsURL).toBe('https://native-resource.openai.azure.com/openai/deployments/prod-gpt4o/chat/completions?api-version=2025-04-01-preview');
  });

  it('uses custom_host as Portkey defines it, and the Azure SDKs bare endpoint with /openai added', () => {
    expect(readAzureOpenAIRequestSettings(context({ baseURL: 'http://127.0.0.1:8080/openai/' }), 'm').chatCompletionsURL)
      .toBe('http://127.0.0.1:8080/openai/deployments/m/chat/completions?api-version=2024-10-21');
    expect(readAzureOpenAIRequestSettings(context({ baseURL: 'https://res.cognitiveservices.azure.com' }), 'm').baseURL)
      .toBe('https://res.cognitiveservices.azure.com/openai');
  });

  it('selects the v1 API: no deployment in the path, no api-version', () => {
    const v1 = readAzureOpenAIRequestSettings(context({ options: { resourceName: 'res', apiVersion: 'v1', deploymentId: 'my-deploy' } }), 'gpt-4o');
    expect(v1).toMatchObject({ v1: true, deployment: 'my-deploy', chatCompletionsURL: 'https://res.openai.azure.com/openai/v1/chat/completions' });
    const preview = readAzureOpenAIRequestSettings(context({ options: { resourceName: 'res' } }, { 'x-switchyard-azure-api-version': 'preview' }), 'gpt-4o');
    expect(preview.chatCompletionsURL).toBe('https://res.openai.azure.com/openai/v1/chat/completions?api-version=preview');
  });

  it('refuses a resource name that would make another host, and a deployment that would leave its segment', () => {
    for (const resource of ['evil.com#', 'a.b', 'x/..', 'user@host', '-leading', 'a'.repeat(65)]) {
      expect(() => readAzureOpenAIRequestSettings(context({}, { 'x-switchyard-azure-resource-name': resource }), 'm')).toThrow(
        expect.objectContaining({ kind: 'invalid_request', param: 'x-switchyard-azure-resource-name' }),
      );
    }
    expect(() => readAzureOpenAIRequestSettings(context({ options: { resourceName: 'res' } }, { 'x-switchyard-azure-deployment-id': '..' }), 'm')).toThrow(
      expect.objectContaining({ kind: 'invalid_request', param: 'x-switchyard-azure-deployment-id' }),
    );
    expect(() => readAzureOpenAIRequestSettings(context({ options: { resourceName: 'res', apiVersion: '2024-10-21&x=1' } }), 'm')).toThrow(
      expect.objectContaining({ kind: 'invalid_request' }),
    );
  });

  it('says what is missing when no resource is configured', () => {
    expect(() => readAzureOpenAIRequestSettings(context({}), 'gpt-4o')).toThrow(/No Azure OpenAI resource/);
  });

  it('reads an Entra token from either header name, without a repeated Bearer', () => {
    expect(readAzureAdToken(context({}, { 'x-portkey-azure-ad-token': 'Bearer eyJ.token' }))).toBe('eyJ.token');
    expect(readAzureAdToken(context({}, { 'x-switchyard-azure-ad-token': 'eyJ.native', 'x-portkey-azure-ad-token': 'eyJ.portkey' }))).toBe('eyJ.native');
    expect(readAzureAdToken(context({}))).toBeUndefined();
  });
});
