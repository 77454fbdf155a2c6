import type { Command } from '../command.js';
import { listLocalModels, listRemoteModels } from '../list-models.js';
import { paint } from '../paint.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { renderTable } from '../render-table.js';
import { loadCliConfig, resolveConfigPath } from '../resolve-config.js';

export const modelsCommand: Command = {
  name: 'models',
  summary: 'List the models the catalog offers (@provider/model ids and aliases)',
  help: `Usage: switchyard models [options]

Lists what GET /v1/models lists: each provider entry's known and configured models, with
context window and prices where the config gives them, and the config's aliases. Without
--url, from the catalog your environment and config build; with --url, from that gateway.

Options:
  -u, --url URL       ask a running gateway instead
      --api-key KEY   the key sent to that gateway (default $SWITCHYARD_API_KEY)
  -c, --config FILE   the gateway config (default ./switchyard.yaml if present)
  -p, --provider P    only this provider entry
      --json          the list as JSON (an array of model objects)
  -h, --help          this help

Examples:
  switchyard models
  switchyard models --provider openai
  switchyard models --url http://127.0.0.1:8787 --json | jq -r '.[].id'
`,
  async run(argv, io) {
    const { values } = parseCommandArgs('models', argv, {
      url: { type: 'string', short: 'u' },
      'api-key': { type: 'string' },
      config: { type: 'string', short: 'c' },
      provider: { type: 'string', short: 'p' },
      json: { type: 'boolean' },
    });
    let rows = values.url ? await listRemoteModels(io, values.url, values['api-key']) : listLocalModels(loadCliConfig(io, resolveConfigPath(io, values.config)), io.env);
    if (values.provider) rows = rows.filter((row) => row.provider === values.provider);
    if (values.json) {
      io.out(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    const colors = paint(io);
    const price = (value: number | undefined) => (value === undefined ? '' : `$${value}`);
    io.out(
      renderTable(
        ['MODEL', 'PROVIDER', 'ADAPTER', 'CONTEXT', 'IN $/M', 'OUT $/M'],
        rows.map((row) => [
          row.alias_of ? `${colors.bold(row.id)} → ${row.alias_of}` : colors.bold(row.id),
          row.provider ?? '',
          row.owned_by,
          row.context_window?.toLocaleString('en-US') ?? '',
          price(row.pricing?.input),
          price(row.pricing?.output),
        ]),
      ),
    );
    io.out(colors.dim(`${rows.length} models. Any other model id of a provider is forwarded as given: @provider/<id>.\n`));
    return 0;
  },
};
