import { errorReason } from '../error-reason.js';
import { createInterface } from 'node:readline';
import { APIConnectionError, APIError } from 'openai';
import { chatCompletionsTurn } from '../chat/chat-completions-turn.js';
import { type ChatFormat, chatFormats, type ChatMessage, type ChatTurn, type ChatTurnResult } from '../chat/chat-turn.js';
import { messagesTurn } from '../chat/messages-turn.js';
import { responsesTurn } from '../chat/responses-turn.js';
import { CliError, type CliIo } from '../cli-io.js';
import type { Command } from '../command.js';
import { type GatewayClient, openEmbeddedClient, openRemoteClient } from '../open-client.js';
import { paint } from '../paint.js';
import { parseCommandArgs, parsePositiveInteger } from '../parse-command-args.js';
import { loadCliConfig, resolveConfigPath } from '../resolve-config.js';

const turns: Record<ChatFormat, (turn: ChatTurn, stream: boolean) => Promise<ChatTurnResult>> = {
  chat: chatCompletionsTurn,
  responses: responsesTurn,
  messages: messagesTurn,
};

export const chatCommand: Command = {
  name: 'chat',
  summary: 'Ask a model: one prompt, or an interactive session',
  help: `Usage: switchyard chat [PROMPT] [options]

Sends PROMPT (or stdin, when piped) and streams the answer as it arrives. With no prompt on a
terminal, starts an interactive session that keeps the conversation (/exit or Ctrl-D to leave,
/reset to forget it). Without --url the gateway runs inside this process (no server needed),
with the providers your environment and config give it.

Options:
  -m, --model MODEL     @provider/model or an alias (default $SWITCHYARD_MODEL or @mock/echo-1)
  -f, --format FORMAT   the API spoken to the gateway: chat (default), responses, messages
  -s, --system TEXT     a system prompt
      --max-tokens N    the most output tokens to ask for (messages: default 1024)
      --json            print the final answer object (the format's own JSON) instead of text
  -i, --interactive     a session even when stdin is piped (one message per line)
  -u, --url URL         a running gateway (e.g. http://127.0.0.1:8787) instead of the embedded one
      --api-key KEY     the key sent to that gateway (default $SWITCHYARD_API_KEY)
  -c, --config FILE     the gateway config for the embedded gateway (default ./switchyard.yaml)
  -h, --help            this help

Examples:
  switchyard chat "hello"                                 # the built-in mock: "echo: hello"
  switchyard chat -m @openai/gpt-4o-mini "Write a haiku about trains"
  echo "summarise this" | switchyard chat -m @anthropic/claude-sonnet-4-5 -f messages
  switchyard chat -m @groq/llama-3.3-70b --url http://127.0.0.1:8787
  switchyard chat -m @mock/echo-1 --json "hi" | jq .usage
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      'chat',
      argv,
      {
        model: { type: 'string', short: 'm' },
        format: { type: 'string', short: 'f', default: 'chat' },
        system: { type: 'string', short: 's' },
        'max-tokens': { type: 'string' },
        json: { type: 'boolean' },
        interactive: { type: 'boolean', short: 'i' },
        url: { type: 'string', short: 'u' },
        'api-key': { type: 'string' },
        config: { type: 'string', short: 'c' },
      },
      true,
    );
    const format = values.format as ChatFormat;
    if (!chatFormats.includes(format)) throw new CliError(`--format must be one of ${chatFormats.join(', ')}, got "${values.format}"`, 2);
    const model = values.model ?? io.env.SWITCHYARD_MODEL ?? '@mock/echo-1';
    const maxTokens = parsePositiveInteger('max-tokens', values['max-tokens']);
    let prompt = positionals.join(' ');
    const interactive = values.interactive || (!prompt && !!io.stdin.isTTY);
    if (!prompt && !interactive) prompt = (await readAll(io.stdin)).trim();
    if (!prompt && !interactive) throw new CliError('No prompt: give one as an argument, pipe it on stdin, or run on a terminal for a session', 2);

    const gateway = values.url ? openRemoteClient(io, values.url, values['api-key']) : openEmbeddedClient(io, loadCliConfig(io, resolveConfigPath(io, values.config)));
    const send = async (messages: ChatMessage[], stream: boolean) => {
      try {
        return await turns[format]({ gateway, model, system: values.system, maxTokens, messages, onText: (text) => io.out(text) }, stream);
      } catch (error) {
        throw explainGatewayError(error, gateway);
      }
    };
    try {
      if (!interactive) {
        const result = await send([{ role: 'user', content: prompt }], !values.json);
        io.out(values.json ? `${JSON.stringify(result.answer, null, 2)}\n` : '\n');
        return 0;
      }
      return await session(io, send, { model, json: !!values.json, firstPrompt: prompt || undefined });
    } finally {
      await gateway.close();
    }
  },
};

/** The interactive loop: one line is one user message; the answer joins the history. */
async function session(
  io: CliIo,
  send: (messages: ChatMessage[], stream: boolean) => Promise<ChatTurnResult>,
  options: { model: string; json: boolean; firstPrompt?: string },
): Promise<number> {
  const colors = paint(io);
  const onTerminal = !!io.stdin.isTTY;
  const lines = createInterface({ input: io.stdin, output: onTerminal ? process.stdout : undefined, terminal: onTerminal, historySize: 200 });
  const prompt = colors.bold(colors.cyan('you> '));
  if (onTerminal) io.out(colors.dim(`Chatting with ${options.model}. /exit or Ctrl-D to leave, /reset to start over.\n`));
  const history: ChatMessage[] = [];
  const ask = async (text: string) => {
    history.push({ role: 'user', content: text });
    const result = await send(history, !options.json);
    history.push({ role: 'assistant', content: result.text });
    io.out(options.json ? `${JSON.stringify(result.answer)}\n` : '\n');
  };
  try {
    if (options.firstPrompt) await ask(options.firstPrompt);
    if (onTerminal) io.out(prompt);
    for await (const line of lines) {
      const text = line.trim();
      if (text === '/exit' || text === '/quit') break;
      if (text === '/reset') history.length = 0;
      else if (text) await ask(text);
      if (onTerminal) io.out(prompt);
    }
  } finally {
    lines.close();
  }
  if (onTerminal) io.out('\n');
  return 0;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return text;
}

/** The SDK's errors, said in a line that names the gateway. */
function explainGatewayError(error: unknown, gateway: GatewayClient): unknown {
  if (error instanceof APIConnectionError || (error instanceof TypeError && /fetch failed/.test(error.message))) {
    return new CliError(`Cannot reach the gateway at ${gateway.baseURL}: ${errorReason(error)}. Is it running? (\`switchyard serve\`)`);
  }
  if (error instanceof APIError) return new CliError(`The gateway answered ${error.status ?? 'an error'}: ${error.error && typeof error.error === 'object' && 'message' in error.error ? String(error.error.message) : error.message}`);
  return error;
}
