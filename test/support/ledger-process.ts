import { type ChildProcess, spawn } from "node:child_process";
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '#event-store';

/** The real API process (`node dist/apps/ledger-api/src/main.js`), as `npm start` runs it. */
export interface LedgerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts the API. `detached`: in a process group of its own, as a terminal runs `npm start`, so a
 * test can signal the whole group (Ctrl-C) without signalling the test runner.
 */
export async function startLedgerProcess(env: Record<string, string | undefined>, options: { detached?: boolean } = {}): Promise<LedgerProcess> {
  const port = await freePort();
  // Demo history off unless a test asks for it (LEDGER_DEMO_DATA: undefined leaves the default: on).
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', LEDGER_DEMO_DATA: 'false', BACKDATING_WINDOW_DAYS: '36500', ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  const child = spawn(process.execPath, ['dist/apps/ledger-api/src/main.js'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: options.detached ?? false });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.status === 200) return { url, child, output: () => output, exited };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`the API did not answer /health in time:\n${output}`);
}

/** The lines of pino's JSON log whose msg matches, in order. */
export const logMessages = (output: string): string[] =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => (JSON.parse(line) as { msg?: string }).msg ?? '');
