import { buildCatalog, bundledAdapters } from '@switchyard/gateway';
import type { Command } from '../command.js';
import { credentialStatus, keyVariable } from '../credential-status.js';
import { paint } from '../paint.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { renderTable } from '../render-table.js';
import { loadCliConfig, resolveConfigPath } from '../resolve-config.js';

const chatColumns = [
  ['streaming', 'stream'],
  ['tools', 'tools'],
  ['images', 'images'],
  ['files', 'PDFs'],
  ['audio', 'audio'],
  ['reasoning', 'reasoning'],
  ['jsonSchema', 'JSON schema'],
] as const;

export const providersCommand: Command = {
  name: 'providers',
  summary: 'Show every provider entry, its key, and what it can do',
  help: `Usage: switchyard providers [options]

The capability matrix: one row per provider entry (every bundled adapter, plus the config's
entries), whether a key is set (from the environment or the config), what its chat can do,
which other endpoints it serves, and which format it passes through untouched.

Options:
  -c, --config FILE   the gateway config (default ./switchyard.yaml if present)
      --json          the matrix as JSON
  -h, --help          this help

Examples:
  switchyard providers
  switchyard providers --json | jq '.[] | select(.key == "set") | .provider'
`,
  async run(argv, io) {
    const { values } = parseCommandArgs('providers', argv, { config: { type: 'string', short: 'c' }, json: { type: 'boolean' } });
    const config = loadCliConfig(io, resolveConfigPath(io, values.config));
    const entries = buildCatalog(bundledAdapters(), config, io.env)
      .listEntries()
      .sort((a, b) => a.slug.localeCompare(b.slug));
    const matrix = entries.map((entry) => {
      const chat = entry.adapter.capabilities.chat;
      return {
        provider: entry.slug,
        adapter: entry.adapter.id,
        name: entry.adapter.name,
        key: credentialStatus(entry),
        keyVariable: keyVariable(entry.adapter) ?? null,
        chat: chat ?? null,
        endpoints: [...(entry.adapter.capabilities.endpoints ?? [])],
        passthrough: entry.adapter.passthrough && entry.adapter.nativeFormat ? entry.adapter.nativeFormat : null,
      };
    });
    if (values.json) {
      io.out(`${JSON.stringify(matrix, null, 2)}\n`);
      return 0;
    }
    const colors = paint(io);
    const mark = (on: boolean) => (on ? colors.green('✓') : colors.dim('–'));
    const keyText = (row: (typeof matrix)[number]) =>
      row.key === 'set' ? colors.green('set') : row.key === 'missing' ? colors.yellow(`no (${row.keyVariable})`) : colors.dim(row.key === 'local' ? 'not needed' : '–');
    io.out(
      renderTable(
        ['PROVIDER', 'ADAPTER', 'KEY', ...chatColumns.map(([, title]) => title), 'ENDPOINTS', 'PASSTHROUGH'],
        matrix.map((row) => [
          colors.bold(row.provider),
          row.adapter,
          keyText(row),
          ...chatColumns.map(([key]) => mark(!!row.chat?.[key])),
          row.endpoints.length > 0 ? row.endpoints.slice(0, 2).join(', ') + (row.endpoints.length > 2 ? ` +${row.endpoints.length - 2}` : '') : colors.dim('–'),
          row.passthrough ?? colors.dim('–'),
        ]),
      ),
    );
    const keyed = matrix.filter((row) => row.key === 'set').length;
    io.out(colors.dim(`${matrix.length} providers, ${keyed} with a key. Set a provider's key variable (e.g. OPENAI_API_KEY) to use it.\n`));
    return 0;
  },
};
