import { InvalidRequestError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { bedrockEmbeddingFamily } from './bedrock-embedding-family.js';
import { encodeBedrockEmbeddingRequests } from './encode-bedrock-embedding-requests.js';

describe('bedrockEmbeddingFamily', () => {
  it('tells the family from base ids, profiles and ARNs', () => {
    expect(bedrockEmbeddingFamily('amazon.titan-embed-text-v2:0')).toBe('titan-text-v2');
    expect(bedrockEmbeddingFamily('amazon.titan-embed-text-v1')).toBe('titan-text-v1');
    expect(bedrockEmbeddingFamily('amazon.titan-embed-image-v1')).toBe('titan-multimodal');
    expect(bedrockEmbeddingFamily('us.cohere.embed-v4:0')).toBe('cohere');
    expect(bedrockEmbeddingFamily('arn:aws:bedrock:us-east-1::foundation-model/cohere.embed-english-v3')).toBe('cohere');
    expect(bedrockEmbeddingFamily('anthropic.claude-3-haiku-20240307-v1:0')).toBeUndefined();
  });
});

describe('encodeBedrockEmbeddingRequests', () => {
  it('Titan v2: one body per input, dimensions and normalize as Titan names them', () => {
    const encoded = encodeBedrockEmbeddingRequests({ model: 'amazon.titan-embed-text-v2:0', input: ['a', 'b'], dimensions: 256, extra: { normalize: true } }, 'titan-text-v2');
    expect(encoded.bodies).toEqual([
      { inputText: 'a', dimensions: 256, normalize: true },
      { inputText: 'b', dimensions: 256, normalize: true },
    ]);
    expect(encoded.warnings).toEqual([]);
  });

  it('Titan v1 has a fixed size: dimensions is warned about, not sent; the multimodal model takes outputEmbeddingLength', () => {
    const v1 = encodeBedrockEmbeddingRequests({ model: 'amazon.titan-embed-text-v1', input: ['a'], dimensions: 256, extra: {} }, 'titan-text-v1');
    expect(v1.bodies).toEqual([{ inputText: 'a' }]);
    expect(v1.warnings).toEqual([expect.objectContaining({ type: 'unsupported-field', field: 'dimensions' })]);
    const multimodal = encodeBedrockEmbeddingRequests({ model: 'amazon.titan-embed-image-v1', input: ['a'], dimensions: 384, extra: {} }, 'titan-multimodal');
    expect(multimodal.bodies).toEqual([{ inputText: 'a', embeddingConfig: { outputEmbeddingLength: 384 } }]);
  });

  it("Cohere: batches of 96 texts, the client's input_type or search_document with a warning, dimensions as output_dimension", () => {
    const texts = Array.from({ length: 100 }, (_, index) => `t${index}`);
    const defaulted = encodeBedrockEmbeddingRequests({ model: 'cohere.embed-v4:0', input: texts, dimensions: 512, extra: {} }, 'cohere');
    expect(defaulted.bodies).toEqual([
      { texts: texts.slice(0, 96), input_type: 'search_document', embedding_types: ['float'], output_dimension: 512 },
      { texts: texts.slice(96), input_type: 'search_document', embedding_types: ['float'], output_dimension: 512 },
    ]);
    expect(defaulted.warnings).toEqual([expect.objectContaining({ type: 'default-applied', field: 'input_type' })]);
    const given = encodeBedrockEmbeddingRequests({ model: 'cohere.embed-english-v3', input: ['q'], extra: { input_type: 'search_query', truncate: 'END', foo: 1 } }, 'cohere');
    expect(given.bodies).toEqual([{ texts: ['q'], input_type: 'search_query', embedding_types: ['float'], truncate: 'END' }]);
    expect(given.warnings.map((warning) => warning.field)).toEqual(['foo']);
  });

  it('refuses token ids, naming the field', () => {
    let caught: unknown;
    try {
      encodeBedrockEmbeddingRequests({ model: 'amazon.titan-embed-text-v2:0', input: [[1, 2]], extra: {} }, 'titan-text-v2');
    } catch (error) {
      caught = error;
    }
    expect(InvalidRequestError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ param: 'input' });
  });
});
