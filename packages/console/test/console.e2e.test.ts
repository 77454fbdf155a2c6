import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The gateway app and the testkit by path: the gateway depends on this package (it serves the
// built app), so a package dependency back onto it would make a cycle in the workspace graph.
import { type RunningGateway, startGateway } from '../../../apps/gateway/src/create-gateway.js';
import { parseConfig } from '../../../apps/gateway/src/load-config.js';
import { type AnthropicMock, type OpenAIMock, startAnthropicMock, startOpenAIMock } from '../../testkit/src/index.js';
import { consoleAssetsDir } from '../src/index.js';

// Functions handed to the browser (page.evaluate) run there, but this file is typed for Node: the
// little of the DOM they touch is declared here rather than the DOM library, whose fetch types
// clash with Node's in the sources the tests import.
declare const document: {
  activeElement: { blur(): void; closest(selector: string): unknown; textContent: string | null } | null;
  querySelector(selector: string): { textContent: string | null } | null;
  documentElement: { scrollWidth: number };
};

// The web console in Debian's Chromium (driven by playwright-core) against a real gateway with
// testkit mocks behind it and seeded traffic: the figures it shows are checked against what the
// test sent, and each page's screenshot lands in artifacts/console/.
const chromiumPath = '/usr/bin/chromium';
const missing = existsSync(chromiumPath) ? undefined : `${chromiumPath} is not installed (apt-get install chromium)`;
if (missing) console.warn(`Skipping the console e2e tests: ${missing}`);

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = resolve(packageDir, '../../artifacts/console');
const adminKey = 'console-admin-key-0123456789';
const staticKey = 'console-gateway-key-0123456789';
const streamDelayMs = 60;

describe.skipIf(missing !== undefined)('web console', () => {
  let openaiUpstream: OpenAIMock;
  let brokenUpstream: OpenAIMock;
  let anthropicUpstream: AnthropicMock;
  let gateway: RunningGateway;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let builtDir: string | undefined;
  const problems: string[] = [];
  const seeded = { requests: 0, errors: 0, brokenErrors: 0 };

  beforeAll(async () => {
    // CI builds every package before the tests; a local run without a build gets one in a temp folder.
    let assetsDir = consoleAssetsDir;
    if (!existsSync(join(assetsDir, 'index.html'))) {
      builtDir = mkdtempSync(join(tmpdir(), 'switchyard-console-'));
      const build = spawnSync(process.execPath, [join(packageDir, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
        cwd: packageDir,
        env: { ...process.env, SWITCHYARD_CONSOLE_OUT_DIR: builtDir },
        encoding: 'utf8',
      });
      if (build.status !== 0) throw new Error(`vite build failed: ${build.stderr}`);
      assetsDir = builtDir;
    }
    mkdirSync(artifacts, { recursive: true });
    openaiUpstream = await startOpenAIMock({ streamDelayMs });
    brokenUpstream = await startOpenAIMock();
    anthropicUpstream = await startAnthropicMock({ streamDelayMs });
    gateway = await startGateway({
      config: parseConfig(
        {
          adminKeys: [adminKey],
          apiKeys: [staticKey],
          defaultProvider: 'openai',
          access: { store: 'memory', pepper: 'console-test-pepper-0123456789', keyCacheTtlMs: 0 },
          logs: { store: 'memory', bodies: true, flushIntervalMs: 50 },
          responses: { store: 'memory' },
          files: { store: 'memory' },
          providers: {
            openai: { adapter: 'openai', apiKey: 'sk-upstream-openai-0123456789', baseURL: `${openaiUpstream.url}/v1`, models: { 'gpt-4o-mini': {} } },
            broken: { adapter: 'openai', apiKey: 'sk-upstream-broken-0123456789', baseURL: `${brokenUpstream.url}/v1` },
            claude: { adapter: 'anthropic', apiKey: 'sk-ant-upstream-0123456789', baseURL: `${anthropicUpstream.url}/v1`, models: { 'claude-haiku-4-5': {} } },
          },
          configs: { 'broken-then-openai': { strategy: { mode: 'fallback' }, targets: [{ provider: '@broken' }, { provider: '@openai' }] } },
        },
        {},
      ),
      env: {},
      host: '127.0.0.1',
      port: 0,
      consoleAssetsDir: assetsDir,
    });
    await seedTraffic();
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await watch(await context.newPage());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    await openaiUpstream?.close();
    await brokenUpstream?.close();
    await anthropicUpstream?.close();
    if (builtDir) rmSync(builtDir, { recursive: true, force: true });
  });

  /** Every error the page logs or throws fails the run (checked at the end of each test). */
  async function watch(target: Page): Promise<Page> {
    target.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    target.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    return target;
  }

  async function chat(model: string, headers: Record<string, string> = {}, key = staticKey) {
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
      body: JSON.stringify({ model, messages: [{ role: 'user', content: 'seeded traffic for the console' }] }),
    });
    await response.arrayBuffer();
    return response.status;
  }

  async function seedTraffic() {
    for (let index = 0; index < 5; index++) expect(await chat('gpt-4o-mini')).toBe(200);
    // Two failures of the broken entry, as the client sees them.
    for (let index = 0; index < 2; index++) {
      brokenUpstream.failNext({ status: 500 });
      expect(await chat('@broken/gpt-4o-mini')).toBe(500);
    }
    // A fallback: broken fails, openai answers.
    brokenUpstream.failNext({ status: 500 });
    expect(await chat('gpt-4o-mini', { 'x-switchyard-config': 'broken-then-openai', 'x-switchyard-trace-id': 'console-fallback' })).toBe(200);
    const messages = await fetch(`${gateway.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': staticKey, 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model: '@claude/claude-haiku-4-5', max_tokens: 50, messages: [{ role: 'user', content: 'hello from the console test' }] }),
    });
    expect(messages.status).toBe(200);
    Object.assign(seeded, { requests: 9, errors: 2, brokenErrors: 2 });
    expect(brokenUpstream.received).toHaveLength(3);
  }

  const shoot = (name: string, target = page) => target.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
  const nav = (name: string) => page.getByRole('navigation', { name: 'Console pages' }).getByRole('link', { name });

  it('shows only a login form without the admin key, then the overview with the seeded figures', async () => {
    await page.goto(`${gateway.url}/console/`);
    await expect.poll(() => page.getByLabel('Admin key').isVisible()).toBe(true);
    expect(await page.getByTestId('total-requests').count()).toBe(0);
    const cacheControl = (await page.request.get(`${gateway.url}/console/`)).headers()['cache-control'];
    expect(cacheControl).toBe('no-cache');
    await shoot('login');
    await page.getByLabel('Admin key').fill(adminKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('total-requests').textContent(), { timeout: 15_000 }).toBe(String(seeded.requests));
    expect(await page.getByTestId('total-errors').textContent()).toBe(String(seeded.errors));
    const providerRow = page.getByRole('table', { name: 'By provider' }).getByRole('row', { name: /^broken/ });
    expect(await providerRow.getByRole('cell').nth(1).textContent()).toBe(String(seeded.brokenErrors));
    // The overview's charts are drawn (uPlot canvases), one per figure.
    expect(await page.locator('.chart canvas').count()).toBeGreaterThanOrEqual(4);
    await shoot('overview');
    expect(problems).toEqual([]);
  }, 60_000);

  it('reaches the navigation with the keyboard', async () => {
    await page.evaluate(() => document.activeElement?.blur());
    let inNav = false;
    for (let press = 0; press < 4 && !inNav; press++) {
      await page.keyboard.press('Tab');
      inNav = await page.evaluate(() => document.activeElement?.closest('nav') !== null);
    }
    expect(inNav).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Overview');
  });

  it('filters the log by provider and status, and opens a request with its attempt chain', async () => {
    await nav('Logs').click();
    await page.getByLabel('Provider').fill('broken');
    await page.getByLabel('Status').fill('500');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const rows = page.locator('table.logs tbody tr');
    await expect.poll(() => rows.count()).toBe(seeded.brokenErrors);
    for (const text of await rows.allTextContents()) expect(text).toContain('broken');
    await shoot('logs');
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => rows.count()).toBe(seeded.requests);
    await page.getByRole('link', { name: 'Details of request console-fallback' }).click();
    const chain = page.getByRole('list', { name: 'Attempt chain' }).getByRole('listitem');
    await expect.poll(() => chain.count()).toBe(2);
    expect(await chain.nth(0).textContent()).toMatch(/^broken.*status 500/);
    expect(await chain.nth(1).textContent()).toMatch(/^openai.*status 200.*answered/);
    // Body logging is on: the request as the client sent it.
    expect(await page.getByTestId('request-body').textContent()).toContain('seeded traffic for the console');
    await shoot('log-detail');
    expect(problems).toEqual([]);
  }, 60_000);

  it('lists providers with health and capabilities, and streams a try-it answer in two formats', async () => {
    await nav('Providers').click();
    const health = page.getByRole('table', { name: /^Health/ });
    await expect.poll(() => health.getByRole('row', { name: /^broken/ }).count()).toBe(1);
    // Every attempt on broken in the last minute failed; openai answered every one.
    const cells = async (name: RegExp) => health.getByRole('row', { name }).getByRole('cell').allTextContents();
    expect((await cells(/^broken/)).slice(2, 3)).toEqual(['100%']);
    expect((await cells(/^openai/)).slice(1, 3)).toEqual(['ok', '0.0%']);
    expect(await page.getByRole('table', { name: 'Capabilities' }).getByRole('row', { name: /^claude/ }).getByRole('cell').first().getAttribute('aria-label')).toBe('Stream: yes');

    const prompt = 'Say hello in five words please';
    const answer = page.getByTestId('try-answer');
    await page.getByLabel('Model').fill('@openai/gpt-4o-mini');
    await page.getByLabel('Gateway API key').fill(staticKey);
    await page.getByLabel('Prompt').fill(prompt);
    await page.getByRole('button', { name: 'Send' }).click();
    // The answer grows piece by piece (the mock waits between chunks), then is the whole echo.
    await page.waitForFunction(
      (full) => {
        const text = document.querySelector('[data-testid="try-answer"]')?.textContent ?? '';
        return text.length > 0 && text !== full;
      },
      `echo: ${prompt}`,
      { timeout: 15_000, polling: 10 },
    );
    await expect.poll(() => answer.textContent(), { timeout: 15_000 }).toBe(`echo: ${prompt}`);
    const upstreamBody = JSON.parse(openaiUpstream.received.at(-1)!.body) as { stream: boolean; messages: Array<{ content: string }> };
    expect(upstreamBody).toMatchObject({ stream: true, messages: [{ content: prompt }] });

    await page.getByLabel('Format').selectOption('anthropic-messages');
    await page.getByLabel('Model').fill('@claude/claude-haiku-4-5');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => answer.textContent(), { timeout: 15_000 }).toBe(`echo: ${prompt}`);
    expect(JSON.parse(anthropicUpstream.received.at(-1)!.body)).toMatchObject({ stream: true, model: 'claude-haiku-4-5' });
    await shoot('providers');
    expect(problems).toEqual([]);
  }, 60_000);

  it('creates a key, shows it once, and revokes it', async () => {
    await nav('Keys and budgets').click();
    await page.getByLabel('Name').fill('console-e2e');
    await page.getByLabel('Requests per minute').fill('60');
    await page.getByLabel('Budget (USD)').fill('5');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = page.getByTestId('new-key');
    await expect.poll(() => secret.count()).toBe(1);
    const key = (await secret.textContent())!;
    expect(key.length).toBeGreaterThan(20);
    await shoot('keys');
    // The key works at once.
    expect(await chat('gpt-4o-mini', {}, key)).toBe(200);
    // Shown once: gone after a reload, and nowhere in the page; its use shows against its limit.
    await page.reload();
    const row = page.getByRole('row', { name: /^console-e2e/ });
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toMatch(/1 of 60/);
    expect(await secret.count()).toBe(0);
    expect(await page.content()).not.toContain(key);
    await page.getByRole('button', { name: 'Revoke console-e2e' }).click();
    await page.getByRole('button', { name: 'Confirm revoking console-e2e' }).click();
    await expect.poll(() => row.getByRole('cell').first().textContent()).toBe('revoked');
    expect(await chat('gpt-4o-mini', {}, key)).toBe(401);
    expect(problems).toEqual([]);
  }, 60_000);

  it('shows the running config without secrets and validates a pasted config at its paths', async () => {
    await nav('Config').click();
    const running = page.getByTestId('running-config');
    await expect.poll(() => running.textContent()).toContain('"defaultProvider": "openai"');
    const text = (await running.textContent())!;
    expect(text).toContain('[hidden]');
    for (const secret of [adminKey, staticKey, 'sk-upstream-openai-0123456789', 'console-test-pepper-0123456789']) expect(text).not.toContain(secret);
    await page.getByLabel('Config (YAML or JSON)').fill('providers:\n  mine:\n    adapter: no-such-adapter\nlogs:\n  store: floppy\n');
    await page.getByRole('button', { name: 'Validate' }).click();
    const found = page.locator('ul.problems li');
    await expect.poll(() => found.count()).toBeGreaterThanOrEqual(2);
    const lines = await found.allTextContents();
    expect(lines.some((line) => line.startsWith('providers.mine.adapter (line 3'))).toBe(true);
    expect(lines.some((line) => line.startsWith('logs.store (line 5'))).toBe(true);
    await shoot('config');
    expect(problems).toEqual([]);
  }, 60_000);

  it('fits a 375px wide window', async () => {
    const narrow = await watch(await context.newPage());
    await narrow.setViewportSize({ width: 375, height: 800 });
    await narrow.goto(`${gateway.url}/console/`);
    await narrow.getByLabel('Admin key').fill(adminKey);
    await narrow.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => narrow.getByTestId('total-requests').textContent(), { timeout: 15_000 }).not.toBeNull();
    await narrow.waitForSelector('.chart canvas');
    // Nothing pushes the page sideways: wide tables scroll inside their own box.
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shoot('overview-narrow', narrow);
    await narrow.close();
    expect(problems).toEqual([]);
  }, 60_000);
});
