/**
 * `node dist/bench/profile-api.js [seconds] [write|read-timeline|read-register]` — the API as a child
 * process with node --cpu-prof over a fresh embedded database (demo history loaded), under the suite's
 * closed-loop load for `seconds` (default 10), then its top self-time functions and packages
 * (bench/suite/profile.ts). The profile is copied to reports/api-<load>.cpuprofile.
 */
import { chmod, copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionLedgerDatabase, startEmbeddedPostgres } from '#event-store';
import { RECOMMENDATION_BODY, closedLoop, combine, mintTokens, newestProfile, startApi, withCpu } from './suite/http.js';
import { printProfile, summariseProfile } from './suite/profile.js';

const seconds = Number(process.argv[2] ?? 10);
const load = process.argv[3] ?? 'write';
const dataDir = await mkdtemp(join(tmpdir(), 'ledger-profile-'));
await chmod(dataDir, 0o755);
const database = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), database: 'postgres', persistent: false, provision: false });
try {
  const http = await provisionLedgerDatabase(database.url, 'ledger_http', 'bench-local-password');
  const apiDir = join(dataDir, 'api');
  const profileDir = join(dataDir, 'profile');
  await mkdir(profileDir, { recursive: true });
  const api = await startApi({ databaseUrl: http.appUrl, migrationUrl: http.ownerUrl, dataDir: apiDir, demoData: true, runProjections: process.env.RUN_PROJECTIONS !== 'false', tokenCache: process.env.LEDGER_TOKEN_CACHE !== 'false', nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] });
  try {
    const writers = await mintTokens(apiDir, 200);
    const readers = await mintTokens(apiDir, 64, 'auditor');
    const register = (await (await fetch(`${api.url}/register`, { headers: { authorization: `Bearer ${readers[0]}` } })).json()) as { items: Array<{ collaborationId: string }> };
    const result = await withCpu(api.child.pid!, () =>
      load === 'write'
        ? closedLoop(`${api.url}/recommendations`, { seconds, connections: 200, method: 'POST', body: RECOMMENDATION_BODY, tokens: writers })
        : closedLoop(load === 'read-register' ? `${api.url}/register` : `${api.url}/collaborations/${register.items[0]!.collaborationId}/timeline`, { seconds, connections: 64, tokens: readers }),
    );
    const c = combine([result]);
    console.log(`${load}: ${Math.round(c.rate)} req/s, API CPU ${c.cpuMsPerRequest} ms a request, p50 ${c.p50} ms, p99 ${c.p99} ms, non-2xx ${c.non2xx}, errors ${c.errors}`);
    const output = api.output();
    console.log(`the API wrote ${output.length} characters to stdout/stderr during the run${output ? `; its last lines:\n${output.slice(-600)}` : ''}`);
  } finally {
    await api.stop();
  }
  const file = await newestProfile(profileDir);
  if (file) {
    await mkdir('reports', { recursive: true });
    await copyFile(file, `reports/api-${load}.cpuprofile`);
    printProfile(await summariseProfile(`reports/api-${load}.cpuprofile`, 25, { seconds: seconds - 1, skipEndSeconds: 1.5 }));
  }
} finally {
  await database.stop();
  await rm(dataDir, { recursive: true, force: true });
}
