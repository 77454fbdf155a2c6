import type { FinishReason } from '@switchyard/core';

/** TGI's `details.finish_reason` → the canonical reason, the raw word kept. */
export function mapTgiFinishReason(raw: string | undefined): FinishReason {
  if (raw === 'length') return { unified: 'length', raw };
  if (raw === 'eos_token' || raw === 'stop_sequence') return { unified: 'stop', raw };
  return { unified: 'other', raw: raw ?? null };
}
