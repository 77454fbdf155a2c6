import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { convertLiteLlmPrices } from '@switchyard/gateway';
import { CliError } from '../cli-io.js';
import type { Command } from '../command.js';
import { parseCommandArgs } from '../parse-command-args.js';

const help = `Usage: switchyard prices convert <FILE|URL> [options]

Converts LiteLLM's public price file (model_prices_and_context_window.json, a local copy or its
URL) into Switchyard's price schema: USD per million tokens, cached input, cache writes by TTL,
reasoning, long-context tiers, audio and image units, each with an effective date and a source.
Point the gateway at the result with \`prices: { file: prices.json }\` in its config.

Options:
  -o, --out FILE             write here (default: stdout)
      --providers LIST       keep only these providers (Switchyard ids, comma-separated)
      --effective-date DATE  the date recorded on every price (default: today)
  -h, --help                 this help

Examples:
  switchyard prices convert ./model_prices_and_context_window.json -o prices.json
  switchyard prices convert https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json --providers openai,anthropic -o prices.json
`;

export const pricesCommand: Command = {
  name: 'prices',
  summary: "Convert LiteLLM's price file into the gateway's price catalog",
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      'prices',
      argv,
      { out: { type: 'string', short: 'o' }, providers: { type: 'string' }, 'effective-date': { type: 'string' } },
      true,
    );
    const [action, source, ...extra] = positionals;
    if (action !== 'convert') throw new CliError(`Unknown action "${action ?? ''}": use \`switchyard prices convert <FILE|URL>\`.`, 2);
    if (!source || extra.length > 0) throw new CliError('prices convert takes one file or URL. Run `switchyard prices --help` for usage.', 2);
    const date = values['effective-date'];
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new CliError(`--effective-date must be YYYY-MM-DD, got "${date}"`, 2);

    const isUrl = /^https?:\/\//i.test(source);
    let text: string;
    try {
      if (isUrl) {
        const response = await fetch(source);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        text = await response.text();
      } else {
        text = await readFile(resolve(io.cwd, source), 'utf8');
      }
    } catch (error) {
      throw new CliError(`Cannot read ${source}: ${(error as Error).message}`);
    }
    let file: unknown;
    try {
      file = JSON.parse(text);
    } catch (error) {
      throw new CliError(`${source} is not JSON: ${(error as Error).message}`);
    }
    let result;
    try {
      result = convertLiteLlmPrices(file, {
        source: isUrl ? source : resolve(io.cwd, source),
        ...(date ? { effectiveDate: date } : {}),
        ...(values.providers ? { providers: values.providers.split(',').map((id) => id.trim()).filter(Boolean) } : {}),
      });
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    const output = `${JSON.stringify({ convertedFrom: isUrl ? source : resolve(io.cwd, source), prices: result.prices }, null, 2)}\n`;
    if (values.out) await writeFile(resolve(io.cwd, values.out), output);
    else io.out(output);
    io.err(`${result.prices.length} prices converted, ${result.skipped.length} entries skipped (no per-token price or not a text model).\n`);
    return 0;
  },
};
