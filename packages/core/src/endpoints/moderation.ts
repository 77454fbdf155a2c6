/** A moderation call, normalised from OpenAI's `POST /v1/moderations`. */
export interface ModerationRequest {
  model?: string;
  /** Texts to classify (image inputs are refused by providers that cannot read them). */
  input: string[];
  extra: Record<string, unknown>;
}

export interface ModerationResult {
  flagged: boolean;
  /** Category verdicts under OpenAI's category names where one matches, the provider's otherwise. */
  categories: Record<string, boolean>;
  categoryScores: Record<string, number>;
}

export interface ModerationResponse {
  id: string;
  model: string;
  results: ModerationResult[];
}
