/**
 * Mistral's moderation categories → OpenAI's names where one matches
 * (https://docs.mistral.ai/capabilities/guardrailing/ and
 * https://platform.openai.com/docs/guides/moderation). The others — health, financial, law,
 * pii, jailbreaking … — have no OpenAI counterpart and keep Mistral's names.
 */
export const openAINameForMistralCategory: Readonly<Record<string, string>> = {
  sexual: 'sexual',
  hate_and_discrimination: 'hate',
  violence_and_threats: 'violence',
  selfharm: 'self-harm',
  dangerous_and_criminal_content: 'illicit',
};

/** One result's verdicts (or scores) under OpenAI's names where one matches, Mistral's otherwise. */
export function mapMistralModerationCategories<T>(categories: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(categories).map(([name, value]) => [openAINameForMistralCategory[name] ?? name, value]));
}
