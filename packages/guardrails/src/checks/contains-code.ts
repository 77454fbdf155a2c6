import { defineGuardrailCheck } from '@switchyard/core';
import { z } from 'zod';
import { verdict } from './verdict.js';

const params = z.object({
  /** The language to look for (`SQL`, `Python`, `JavaScript`, …); without it, any code. */
  format: z.string().min(1).optional(),
  not: z.boolean().optional(),
});

const aliases: Record<string, string> = { js: 'javascript', ts: 'typescript', py: 'python', sh: 'shell', bash: 'shell', zsh: 'shell', 'c++': 'cpp', cs: 'csharp', 'c#': 'csharp', rb: 'ruby', yml: 'yaml', golang: 'go' };
const normalise = (language: string) => aliases[language.toLowerCase()] ?? language.toLowerCase();

// Unfenced code still gives itself away: statements models write for these languages.
const signatures: Record<string, RegExp> = {
  sql: /\b(SELECT\s+[\s\S]+?\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE|DROP\s+TABLE)\b/i,
  python: /^\s*(def \w+\(.*\):|import \w+|from \w+ import |class \w+(\(.*\))?:)/m,
  javascript: /\b(function\s+\w+\s*\(|const \w+\s*=|let \w+\s*=|=>\s*\{|console\.log\()/,
  shell: /^\s*(\$ )?(sudo |rm -rf |curl |chmod |apt-get |npm install )/m,
};

/** The languages of the code in a text: fenced blocks' tags (`unknown` when untagged) and recognised unfenced statements. */
export function detectCode(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/```([^\s`]*)[^\n]*\n[\s\S]*?```/g)) found.add(match[1] ? normalise(match[1]) : 'unknown');
  const unfenced = text.replace(/```[\s\S]*?```/g, '');
  for (const [language, pattern] of Object.entries(signatures)) if (pattern.test(unfenced)) found.add(language);
  return [...found];
}

export const containsCodeCheck = defineGuardrailCheck({
  id: 'switchyard.containsCode',
  aliases: ['default.containsCode'],
  description: 'The text contains code (of a given language). Use not: true to keep code out.',
  params,
  phases: ['input', 'output'],
  partialFailureIsFinal: (p) => p.not === true,
  run(subject, p) {
    const languages = detectCode(subject.text);
    const wanted = p.format ? normalise(p.format) : undefined;
    const holds = wanted ? languages.includes(wanted) : languages.length > 0;
    const explanation = holds ? `found ${wanted ?? languages.join(', ')} code` : `found no ${wanted ?? ''} code`.replace('  ', ' ');
    return verdict(holds, p.not, explanation, { languages });
  },
});
