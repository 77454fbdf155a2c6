import { z } from 'zod';

/*
 * What the Vertex AI adapter reads besides the model bodies (which are Gemini's
 * generateContent and Anthropic's Messages, mapped by those packages): a Google service-account
 * key file and the OAuth 2.0 token endpoint's answer.
 */

/**
 * A service-account key file (`type: service_account`), as the Cloud console downloads it.
 * https://cloud.google.com/iam/docs/keys-create-delete — loose: the file has more fields
 * (client_id, auth_uri, universe_domain …) that are kept but not needed.
 */
export const vertexServiceAccountSchema = z.looseObject({
  type: z.string().optional(),
  project_id: z.string().optional(),
  private_key_id: z.string().optional(),
  private_key: z.string().min(1),
  client_email: z.string().min(1),
  token_uri: z.string().optional(),
});
export type VertexServiceAccount = z.infer<typeof vertexServiceAccountSchema>;

/** Google's token endpoint, where a key file names none. */
export const googleTokenURL = 'https://oauth2.googleapis.com/token';

/** The scope a Vertex AI call needs. https://developers.google.com/identity/protocols/oauth2/scopes#aiplatform */
export const cloudPlatformScope = 'https://www.googleapis.com/auth/cloud-platform';

/** The token endpoint's answer to a JWT bearer grant (RFC 7523 / RFC 6749 §5.1). */
export const vertexTokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.number().optional(),
  token_type: z.string().optional(),
});

/** The token endpoint's error answer (RFC 6749 §5.2): `{ error: 'invalid_grant', error_description }`. */
export const vertexTokenErrorSchema = z.looseObject({
  error: z.string(),
  error_description: z.string().optional(),
});

/** The `anthropic_version` Claude on Vertex AI requires in the body (the Messages `anthropic-version` header has no Vertex twin). */
export const vertexAnthropicVersion = 'vertex-2023-10-16';
