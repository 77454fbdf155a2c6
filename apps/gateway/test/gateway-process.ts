import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface GatewayProcess {
  child: ChildProcess;
  /** The gateway's URL once it says it is listening; rejects if it exits first. */
  listening: Promise<string>;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
}

/**
 * The gateway as its bin runs it (`src/main.ts` under tsx), on a free port, quiet, in its own
 * process: for what only a real process shows (process flags, several instances sharing state).
 * The child is pushed onto `children` so the caller's cleanup can kill it.
 */
export function spawnGatewayProcess(children: ChildProcess[], options: { args?: string[]; nodeFlags?: string[] } = {}): GatewayProcess {
  const appDir = resolve(import.meta.dirname, '..');
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), '--conditions=source', '--import', 'tsx', 'src/main.ts', ...(options.args ?? [])], {
    cwd: appDir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SWITCHYARD_CONFIG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const listening = new Promise<string>((resolveUrl, reject) => {
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolveUrl(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`gateway process exited with ${code}: ${output}`)));
  });
  return { child, listening, output: () => output };
}
