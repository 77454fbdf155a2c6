import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/load-config.js';
import { parseOtelHeaders, parseResourceAttributes, tracingFromEnvironment } from '../src/otel-environment.js';

const fileTracing = (tracing: Record<string, unknown> | undefined) => parseConfig(tracing ? { tracing } : {}, {}).tracing;

describe('tracingFromEnvironment', () => {
  it('leaves tracing off without an endpoint variable, and as the file has it', () => {
    expect(tracingFromEnvironment(undefined, {})).toBeUndefined();
    expect(tracingFromEnvironment(undefined, { OTEL_SERVICE_NAME: 'alone' })).toBeUndefined();
    const file = fileTracing({ captureContent: true });
    expect(tracingFromEnvironment(file, {})).toBe(file);
  });

  it('lets a file that names a collector win over the exporter variables', () => {
    const file = fileTracing({ otlpEndpoint: 'http://file-collector:4318', serviceName: 'from-file' });
    const exporterVariables = {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://env:4318',
      OTEL_EXPORTER_OTLP_HEADERS: 'x-env=1',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_TIMEOUT: '500',
      OTEL_TRACES_SAMPLER: 'always_off',
    };
    expect(tracingFromEnvironment(file, { ...exporterVariables, OTEL_SERVICE_NAME: 'from-env' })).toBe(file);
  });

  it('puts the resource variables beneath a file that names a collector: the file keeps its own values', () => {
    const file = fileTracing({ otlpEndpoint: 'http://file-collector:4318', resourceAttributes: { 'deployment.environment.name': 'from-file' } });
    const resourceVariables = { OTEL_RESOURCE_ATTRIBUTES: 'k8s.pod.name=gw-7f9c,deployment.environment.name=from-env,service.name=from-attributes', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://env:4318' };
    expect(tracingFromEnvironment(file, resourceVariables)).toEqual({
      ...file,
      resourceAttributes: { 'k8s.pod.name': 'gw-7f9c', 'deployment.environment.name': 'from-file' },
      serviceName: 'from-attributes',
    });
    expect(tracingFromEnvironment(file, { ...resourceVariables, OTEL_SERVICE_NAME: 'from-env' })?.serviceName).toBe('from-env');
    // A name the file gives is its own; the environment's gives way to it.
    const named = fileTracing({ otlpEndpoint: 'http://file-collector:4318', serviceName: 'from-file' });
    expect(tracingFromEnvironment(named, { ...resourceVariables, OTEL_SERVICE_NAME: 'from-env' })).toEqual({ ...named, resourceAttributes: { 'k8s.pod.name': 'gw-7f9c', 'deployment.environment.name': 'from-env' } });
    expect(() => tracingFromEnvironment(file, { OTEL_RESOURCE_ATTRIBUTES: 'no-equals' })).toThrow(/OTEL_RESOURCE_ATTRIBUTES/);
  });

  it('fills the endpoint in and overrides the file settings the variables name', () => {
    const file = fileTracing({ captureContent: true, serviceName: 'from-file', headers: { 'x-from-file': '1' } });
    expect(
      tracingFromEnvironment(file, {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'https://collector.example:4318',
        OTEL_EXPORTER_OTLP_HEADERS: 'x-api=a%2Cb%3Dc',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_SERVICE_NAME: 'from-env',
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0.25',
      }),
    ).toEqual({
      otlpEndpoint: 'https://collector.example:4318',
      headers: { 'x-from-file': '1', 'x-api': 'a,b=c' },
      protocol: 'http/json',
      captureContent: true,
      serviceName: 'from-env',
      resourceAttributes: {},
      timeoutMs: 10_000,
      sampleRatio: 0.25,
    });
  });

  it('reads the export timeout and the resource attributes, OTEL_SERVICE_NAME winning over a service.name among them', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' };
    const file = fileTracing({ resourceAttributes: { team: 'platform', region: 'from-file' } });
    expect(
      tracingFromEnvironment(file, { ...endpoint, OTEL_EXPORTER_OTLP_TIMEOUT: '2500', OTEL_RESOURCE_ATTRIBUTES: 'region=eu%2Cwest, service.version = 1.4.0 ,service.name=from-resource' }),
    ).toMatchObject({ timeoutMs: 2500, serviceName: 'from-resource', resourceAttributes: { team: 'platform', region: 'eu,west', 'service.version': '1.4.0' } });
    const named = tracingFromEnvironment(undefined, { ...endpoint, OTEL_RESOURCE_ATTRIBUTES: 'service.name=from-resource', OTEL_SERVICE_NAME: 'from-env' });
    expect(named).toMatchObject({ serviceName: 'from-env', resourceAttributes: {} });
    expect(tracingFromEnvironment(undefined, { ...endpoint, OTEL_EXPORTER_OTLP_TIMEOUT: '9000', OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: '300' })?.timeoutMs).toBe(300);
    for (const bad of ['0', '1.5', '-4', 'soon']) {
      expect(() => tracingFromEnvironment(undefined, { ...endpoint, OTEL_EXPORTER_OTLP_TIMEOUT: bad })).toThrow(`OTEL_EXPORTER_OTLP_TIMEOUT: "${bad}" is not a whole number of milliseconds above 0.`);
    }
  });

  it('prefers the traces variables to the general ones', () => {
    const tracing = tracingFromEnvironment(undefined, {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://general:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces:4318/exact/path',
      OTEL_EXPORTER_OTLP_HEADERS: 'x-general=1',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-traces=1',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
      OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf',
    });
    expect(tracing).toMatchObject({ otlpTracesUrl: 'http://traces:4318/exact/path', headers: { 'x-traces': '1' }, protocol: 'http/protobuf' });
    expect(tracing?.otlpEndpoint).toBeUndefined();
  });

  it('maps the standard samplers onto the ratio of new traces', () => {
    const ratio = (sampler: string, argument?: string) =>
      tracingFromEnvironment(undefined, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_SAMPLER: sampler, ...(argument === undefined ? {} : { OTEL_TRACES_SAMPLER_ARG: argument }) })?.sampleRatio;
    expect(ratio('always_on')).toBe(1);
    expect(ratio('parentbased_always_off')).toBe(0);
    expect(ratio('traceidratio')).toBe(1);
    expect(ratio('traceidratio', '0')).toBe(0);
    expect(() => ratio('jaeger_remote')).toThrow(/OTEL_TRACES_SAMPLER: "jaeger_remote" is not supported/);
    expect(() => ratio('traceidratio', 'half')).toThrow(/OTEL_TRACES_SAMPLER_ARG: "half"/);
  });

  it('turns tracing off with OTEL_SDK_DISABLED or OTEL_TRACES_EXPORTER=none, even one the file configures', () => {
    const file = fileTracing({ otlpEndpoint: 'http://file-collector:4318' });
    expect(tracingFromEnvironment(file, { OTEL_SDK_DISABLED: 'TRUE' })).toBeUndefined();
    expect(tracingFromEnvironment(file, { OTEL_TRACES_EXPORTER: 'none' })).toBeUndefined();
    expect(tracingFromEnvironment(file, { OTEL_SDK_DISABLED: 'false', OTEL_TRACES_EXPORTER: 'otlp' })).toBe(file);
  });
});

describe('parseResourceAttributes', () => {
  it('reads comma-separated pairs with percent-encoded values, keeping dotted keys as they are', () => {
    expect(parseResourceAttributes('deployment.environment.name=prod, k8s.pod.name = gw-7f%3D1 ,,note=a%20b')).toEqual({ 'deployment.environment.name': 'prod', 'k8s.pod.name': 'gw-7f=1', note: 'a b' });
  });

  it('refuses a pair without a key or with broken percent-encoding, naming the variable', () => {
    expect(() => parseResourceAttributes('=value')).toThrow('OTEL_RESOURCE_ATTRIBUTES: "=value" is not key=value.');
    expect(() => parseResourceAttributes('lonely')).toThrow('OTEL_RESOURCE_ATTRIBUTES: "lonely" is not key=value.');
    expect(() => parseResourceAttributes('a=%zz')).toThrow('OTEL_RESOURCE_ATTRIBUTES: the value of "a" is not valid percent-encoding.');
  });
});

describe('parseOtelHeaders', () => {
  it('reads comma-separated pairs with percent-encoded values', () => {
    expect(parseOtelHeaders('V', 'Authorization=Basic%20dXNlcg%3D%3D, x-a = b ,,')).toEqual({ authorization: 'Basic dXNlcg==', 'x-a': 'b' });
  });

  it('refuses what would make a bad header', () => {
    expect(() => parseOtelHeaders('V', '=value')).toThrow(/V: "=value" is not key=value/);
    expect(() => parseOtelHeaders('V', 'bad key=1')).toThrow(/not key=value/);
    expect(() => parseOtelHeaders('V', 'x-a=%0d%0aInjected: 1')).toThrow(/V: the value of "x-a" holds a line break/);
    expect(() => parseOtelHeaders('V', 'x-a=%zz')).toThrow(/not valid percent-encoding/);
  });
});
