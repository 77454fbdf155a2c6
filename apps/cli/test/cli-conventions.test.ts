import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli-process.js';

const commands = ['serve', 'chat', 'models', 'providers', 'config', 'doctor', 'bench'];

describe('switchyard conventions', () => {
  it('prints its version and the command list', async () => {
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of commands) expect(help.stdout).toContain(`  ${command} `);
  });

  it('has --help with examples on every command, without colour when not on a terminal', async () => {
    const runs = await Promise.all(commands.map((command) => runCli([command, '--help'])));
    runs.forEach((run, index) => {
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: switchyard ${commands[index]}`);
      expect(run.stdout).toContain('Examples:');
      expect(run.stdout).not.toContain('\x1b[');
    });
  });

  it('reports errors on stderr with a non-zero code and no stack trace, unless --debug', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe('error: Unknown command "frobnicate". Run `switchyard --help` for the list.\n');

    const badFlag = await runCli(['models', '--colour']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/Unknown option '--colour'.*\n.*switchyard models --help/);

    const failing = await runCli(['chat', '--model', '@nowhere/x', 'hi']);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/^error: The gateway answered 404: Unknown provider "nowhere"/);
    expect(failing.stderr).not.toMatch(/\n\s+at /);

    const debug = await runCli(['chat', '--model', '@nowhere/x', 'hi', '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('leaves colour out with NO_COLOR and on pipes', async () => {
    const run = await runCli(['providers'], { env: { NO_COLOR: '1' } });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('\x1b[');
  });
});
