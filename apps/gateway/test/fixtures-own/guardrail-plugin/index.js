// A third-party guardrail package as its author would write it: checks built with core's helper,
// exported as `guardrailChecks`. Project-written test fixture.
import { defineGuardrailCheck } from '@switchyard/core';
import { z } from 'zod';

export const guardrailChecks = [
  defineGuardrailCheck({
    id: 'acme.noShouting',
    description: 'Fails when more than `maxRatio` of the letters are capitals.',
    params: z.object({ maxRatio: z.number().min(0).max(1).default(0.5) }),
    phases: ['input', 'output'],
    run(subject, params) {
      const letters = subject.text.match(/\p{L}/gu) ?? [];
      const capitals = letters.filter((letter) => letter !== letter.toLowerCase()).length;
      const ratio = letters.length === 0 ? 0 : capitals / letters.length;
      return { verdict: ratio <= params.maxRatio ? 'pass' : 'fail', explanation: `${Math.round(ratio * 100)}% capitals`, data: { ratio } };
    },
  }),
];
