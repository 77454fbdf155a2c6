/**
 * The OpenAI API endpoints the gateway serves besides chat. An adapter lists the ones it serves
 * in `capabilities.endpoints`; the docs' endpoint × provider table is generated from those lists.
 */
export const endpointIds = [
  'embeddings',
  'images.generations',
  'images.edits',
  'images.variations',
  'audio.speech',
  'audio.transcriptions',
  'audio.translations',
  'moderations',
  'files',
  'batches',
  'fine_tuning',
  'completions',
] as const;

export type EndpointId = (typeof endpointIds)[number];

/** The OpenAI path (under `/v1`) of each endpoint, for messages and docs. */
export const endpointPaths: Readonly<Record<EndpointId, string>> = {
  embeddings: '/v1/embeddings',
  'images.generations': '/v1/images/generations',
  'images.edits': '/v1/images/edits',
  'images.variations': '/v1/images/variations',
  'audio.speech': '/v1/audio/speech',
  'audio.transcriptions': '/v1/audio/transcriptions',
  'audio.translations': '/v1/audio/translations',
  moderations: '/v1/moderations',
  files: '/v1/files',
  batches: '/v1/batches',
  fine_tuning: '/v1/fine_tuning/jobs',
  completions: '/v1/completions',
};
