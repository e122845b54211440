import { mkdir, mkdtemp, rm, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { type TestDatabase, createTestDatabase } from '#testing';
import { type LedgerProcess, startLedgerProcess } from './ledger-process.js';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing). Never a browser Playwright downloads. */
export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Screenshots of the main pages, for people to look at (git-ignored). */
export const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

/** The real built API (`node dist/apps/ledger-api/src/main.js`, as `npm start` runs it) over a fresh test database with the demo history, serving the built web app. */
export interface WebLedger {
  url: string;
  process: LedgerProcess;
  close(): Promise<void>;
}

export async function startWebLedger(env: Record<string, string> = {}): Promise<WebLedger> {
  const database: TestDatabase = await createTestDatabase({ migrate: false });
  const dataDir = await mkdtemp(join(tmpdir(), 'ledger-web-test-'));
  await chmod(dataDir, 0o755);
  let process: LedgerProcess | undefined;
  try {
    process = await startLedgerProcess({ DATABASE_URL: database.url, MIGRATION_DATABASE_URL: database.ownerUrl, LEDGER_DEMO_DATA: 'true', LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'warn', LOG_FORMAT: 'json', ...env });
    await projectionsCaughtUp(process.url);
  } catch (error) {
    process?.child.kill('SIGTERM');
    await database.drop();
    throw error;
  }
  const started = process;
  return {
    url: started.url,
    process: started,
    async close() {
      if (started.child.exitCode === null) {
        started.child.kill('SIGTERM');
        await started.exited;
      }
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Until /health says every read model has applied everything recorded (the demo history is loaded before the API listens). */
async function projectionsCaughtUp(url: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const health = (await (await fetch(`${url}/health`)).json()) as { info?: { eventStore?: { headPosition: number }; projections?: { projections?: Record<string, { lag: number; eventsApplied: number }> } } };
    const head = health.info?.eventStore?.headPosition ?? 0;
    const projections = Object.values(health.info?.projections?.projections ?? {});
    if (head > 0 && projections.length > 0 && projections.every((p) => p.lag === 0 && p.eventsApplied >= head)) return;
    await sleep(100);
  }
  throw new Error('the read models did not catch up with the demo history');
}

/** Headless Debian Chromium (playwright-core), a fresh profile each launch. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, timeout: 60_000 });
}

/** A new browser context at a desktop width (1280 px) or a tablet's (768 px), failing the test on any script error in the page. */
export async function newPage(browser: Browser, base: string, width: 1280 | 768 = 1280): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: base, viewport: { width, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  context.setDefaultTimeout(20_000);
  // Cumulative layout shift (the Web Vitals measure): every unexpected shift of a page, from its first paint.
  await context.addInitScript(`window.__layoutShift = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__layoutShift += e.value; }).observe({ type: 'layout-shift', buffered: true });`);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Signs in through the demo sign-in page as the person whose button reads `actsAs` (e.g. "Chief officer of Dorset Police"), and waits for their home page. */
export async function signIn(page: Page, actsAs: string | RegExp): Promise<void> {
  await page.goto('/app/sign-in');
  await page.getByRole('button', { name: actsAs }).click();
  await page.getByRole('heading', { level: 1, name: 'What awaits you' }).waitFor();
}

/** A token for a demo person, through the API the sign-in page uses (for arranging what another person does meanwhile). */
export async function demoToken(base: string, role: string, force?: string): Promise<string> {
  const response = await fetch(`${base}/sign-in/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role, ...(force ? { force } : {}) }) });
  if (!response.ok) throw new Error(`demo sign-in failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export async function apiGet<T>(base: string, token: string, path: string): Promise<T> {
  const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The page's cumulative layout shift so far (0: nothing moved; Web Vitals calls under 0.1 good), after two frames. */
export async function layoutShift(page: Page): Promise<number> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  return (await page.evaluate('window.__layoutShift')) as number;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The serious and critical WCAG 2.2 A/AA violations axe-core finds on the page, as readable lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}
