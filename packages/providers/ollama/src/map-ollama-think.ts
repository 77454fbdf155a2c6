import type { ReasoningSettings, Warning } from '@switchyard/core';
import type { OllamaThink } from './ollama-api.js';

/**
 * Canonical reasoning settings → Ollama's `think`: `false` for effort 'none', a level for
 * efforts Ollama knows (low / medium / high; gpt-oss and other level-aware models), `true` when
 * only a budget was given. OpenAI's scale reaches past Ollama's at both ends; like Ollama's own
 * OpenAI-compatible endpoint, 'minimal' becomes 'low' and 'xhigh' becomes 'max' (with a warning).
 * Models that think only on or off take any level as "on".
 * https://github.com/ollama/ollama/blob/main/docs/api.md (think)
 */
export function mapOllamaThink(reasoning: ReasoningSettings | undefined, warnings: Warning[]): OllamaThink | undefined {
  if (!reasoning) return undefined;
  if (reasoning.budgetTokens !== undefined) {
    warnings.push({
      type: 'unsupported-field',
      field: 'reasoning.budgetTokens',
      message: 'Ollama takes thinking on/off or a level, not a token budget; the budget was not sent.',
    });
  }
  if (reasoning.summary !== undefined) {
    warnings.push({ type: 'unsupported-field', field: 'reasoning.summary', message: 'Ollama returns its full thinking, not summaries; the setting was not sent.' });
  }
  switch (reasoning.effort) {
    case undefined:
      return true;
    case 'none':
      return false;
    case 'minimal':
      warnings.push({ type: 'unsupported-value', field: 'reasoning.effort', message: "Ollama has no 'minimal' thinking level; 'low' was sent." });
      return 'low';
    case 'xhigh':
      warnings.push({ type: 'unsupported-value', field: 'reasoning.effort', message: "Ollama has no 'xhigh' thinking level; 'max' was sent." });
      return 'max';
    default:
      return reasoning.effort;
  }
}
