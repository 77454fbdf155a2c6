import { z } from 'zod';

/*
 * The Gemini `generateContent` wire format (Gemini API v1beta; Vertex AI speaks the same body).
 * https://ai.google.dev/api/generate-content
 *
 * Request types are plain types: the adapter builds them. Response schemas are loose
 * (`z.looseObject`): unknown keys a newer API version adds are kept, never stripped.
 */

// ---------------------------------------------------------------- request

export interface GoogleInlineData {
  mimeType: string;
  /** base64 bytes */
  data: string;
}

export interface GoogleFileData {
  fileUri: string;
  mimeType?: string;
}

export interface GoogleFunctionCall {
  name: string;
  args: Record<string, unknown>;
  /** Set by Vertex and newer Gemini models; sent back on the matching functionResponse. */
  id?: string;
}

export interface GoogleFunctionResponse {
  name: string;
  /** Always a JSON object: `output` / `error` keys per https://ai.google.dev/api/caching#FunctionResponse */
  response: Record<string, unknown>;
  id?: string;
  /** Multimodal tool output (Gemini 3): inline media only, the Gemini API takes no URIs here. */
  parts?: Array<{ inlineData: GoogleInlineData }>;
}

/** One part of a turn: exactly one of the data fields, plus an optional thought signature. */
export interface GooglePart {
  text?: string;
  /** True on a thought summary (only returned with `thinkingConfig.includeThoughts`). */
  thought?: boolean;
  /** Opaque; must come back on the very part it arrived with. https://ai.google.dev/gemini-api/docs/thought-signatures */
  thoughtSignature?: string;
  inlineData?: GoogleInlineData;
  fileData?: GoogleFileData;
  functionCall?: GoogleFunctionCall;
  functionResponse?: GoogleFunctionResponse;
  [key: string]: unknown;
}

export type GoogleRole = 'user' | 'model';

export interface GoogleContent {
  role: GoogleRole;
  parts: GooglePart[];
}

export interface GoogleFunctionDeclaration {
  name: string;
  description?: string;
  /** The OpenAPI-subset Schema (upper-case types); mutually exclusive with parametersJsonSchema. */
  parameters?: Record<string, unknown>;
  /** Plain JSON Schema, accepted since mid-2025 by the Gemini API and Vertex AI. */
  parametersJsonSchema?: Record<string, unknown>;
}

export interface GoogleTool {
  functionDeclarations?: GoogleFunctionDeclaration[];
  /** Native tools (googleSearch, codeExecution, urlContext …) pass through from providerOptions. */
  [key: string]: unknown;
}

export type GoogleFunctionCallingMode = 'AUTO' | 'ANY' | 'NONE' | 'VALIDATED';

export interface GoogleToolConfig {
  functionCallingConfig?: {
    mode?: GoogleFunctionCallingMode;
    allowedFunctionNames?: string[];
  };
  [key: string]: unknown;
}

export interface GoogleThinkingConfig {
  includeThoughts?: boolean;
  /** Gemini 2.5: tokens; 0 turns thinking off where the model allows, -1 lets the model decide. */
  thinkingBudget?: number;
  /** Gemini 3: `minimal` | `low` | `medium` | `high`. */
  thinkingLevel?: string;
}

export interface GoogleGenerationConfig {
  temperature?: number;
  topP?: number;
  topK?: number;
  maxOutputTokens?: number;
  stopSequences?: string[];
  seed?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  candidateCount?: number;
  responseMimeType?: string;
  responseSchema?: Record<string, unknown>;
  responseJsonSchema?: Record<string, unknown>;
  thinkingConfig?: GoogleThinkingConfig;
  [key: string]: unknown;
}

export interface GoogleGenerateContentRequest {
  contents: GoogleContent[];
  systemInstruction?: { parts: Array<{ text: string }> };
  tools?: GoogleTool[];
  toolConfig?: GoogleToolConfig;
  generationConfig?: GoogleGenerationConfig;
  safetySettings?: unknown[];
  cachedContent?: string;
  [key: string]: unknown;
}

// ---------------------------------------------------------------- response

export const googleFunctionCallSchema = z.looseObject({
  name: z.string(),
  args: z.record(z.string(), z.unknown()).nullish(),
  id: z.string().nullish(),
});

export const googlePartSchema = z.looseObject({
  text: z.string().nullish(),
  thought: z.boolean().nullish(),
  thoughtSignature: z.string().nullish(),
  functionCall: googleFunctionCallSchema.nullish(),
  inlineData: z.looseObject({ mimeType: z.string().nullish(), data: z.string().nullish() }).nullish(),
  fileData: z.looseObject({ fileUri: z.string().nullish(), mimeType: z.string().nullish() }).nullish(),
});
export type GoogleResponsePart = z.infer<typeof googlePartSchema>;

export const googleCandidateSchema = z.looseObject({
  content: z
    .looseObject({
      // A candidate stopped by a filter comes with a content that has no parts at all.
      parts: z.array(googlePartSchema).nullish(),
      role: z.string().nullish(),
    })
    .nullish(),
  finishReason: z.string().nullish(),
  finishMessage: z.string().nullish(),
  index: z.number().nullish(),
  safetyRatings: z.array(z.unknown()).nullish(),
  citationMetadata: z.unknown().optional(),
  groundingMetadata: z.unknown().optional(),
  urlContextMetadata: z.unknown().optional(),
  avgLogprobs: z.number().nullish(),
  logprobsResult: z.unknown().optional(),
});
export type GoogleCandidate = z.infer<typeof googleCandidateSchema>;

/**
 * Token counts. `promptTokenCount` includes `cachedContentTokenCount`; `candidatesTokenCount`
 * excludes `thoughtsTokenCount`; `totalTokenCount` = prompt + candidates + thoughts +
 * toolUsePrompt (see map-google-usage.ts).
 */
export const googleUsageMetadataSchema = z.looseObject({
  promptTokenCount: z.number().nullish(),
  candidatesTokenCount: z.number().nullish(),
  thoughtsTokenCount: z.number().nullish(),
  cachedContentTokenCount: z.number().nullish(),
  toolUsePromptTokenCount: z.number().nullish(),
  totalTokenCount: z.number().nullish(),
});
export type GoogleUsageMetadata = z.infer<typeof googleUsageMetadataSchema>;

export const googlePromptFeedbackSchema = z.looseObject({
  blockReason: z.string().nullish(),
  blockReasonMessage: z.string().nullish(),
  safetyRatings: z.array(z.unknown()).nullish(),
});

/** The error object Google APIs send (in an error answer, or as a chunk of a failing stream). */
export const googleErrorObjectSchema = z.looseObject({
  code: z.number().nullish(),
  message: z.string().nullish(),
  /** The gRPC status name: INVALID_ARGUMENT, RESOURCE_EXHAUSTED, UNAVAILABLE … */
  status: z.string().nullish(),
  details: z.array(z.unknown()).nullish(),
});
export type GoogleErrorObject = z.infer<typeof googleErrorObjectSchema>;

/** A whole answer, and also each chunk of a stream (`data: {GenerateContentResponse}`). */
export const googleGenerateContentResponseSchema = z.looseObject({
  candidates: z.array(googleCandidateSchema).nullish(),
  promptFeedback: googlePromptFeedbackSchema.nullish(),
  usageMetadata: googleUsageMetadataSchema.nullish(),
  modelVersion: z.string().nullish(),
  responseId: z.string().nullish(),
  /** Vertex AI only. */
  createTime: z.string().nullish(),
  error: googleErrorObjectSchema.nullish(),
});
export type GoogleGenerateContentResponse = z.infer<typeof googleGenerateContentResponseSchema>;

/** `{ error: { code, message, status, details } }`, sometimes wrapped in a one-element array. */
export const googleErrorBodySchema = z.union([
  z.looseObject({ error: googleErrorObjectSchema }),
  z.tuple([z.looseObject({ error: googleErrorObjectSchema })]),
]);
