/**
 * `node dist/bench/national-ledger.js`: make sure the national ledger the suite's national-scale
 * figures need exists (bench/suite/national-ledger.ts: BENCH_NATIONAL_URL, BENCH_NATIONAL_SHAPE),
 * generating it when missing, without running the suite.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureNationalLedger } from './suite/national-ledger.js';

const dataDir = await mkdtemp(join(tmpdir(), 'ledger-national-'));
const ledger = await ensureNationalLedger({ dataDir });
console.log(`${ledger.events} events in ${new URL(ledger.adminUrl).pathname.slice(1)}${ledger.generatedNow ? `, generated in ${ledger.generateSeconds!.toFixed(0)} s` : ', reused'}`);
