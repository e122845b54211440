/**
 * The suite's figures, the machine they were measured on, bench/results/latest.json and the table
 * in docs/benchmarks.md between its markers. A figure is always a ratio against a baseline measured
 * in the same run, interleaved with it; PASS/FAIL is printed and recorded, never asserted.
 */
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';

export type Verdict = 'PASS' | 'FAIL';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: { name: string; value: number } | null;
  /** value ÷ baseline.value (null where the target is absolute). */
  ratio: number | null;
  /** In words, e.g. "ratio ≥ 1.0" or "p99 < 50 ms". */
  target: string;
  pass: Verdict;
  /** Anything else measured alongside (latencies, errors, rounds). */
  detail?: Record<string, unknown>;
}

export interface Machine {
  cpus: { model: string; count: number };
  ramGiB: number;
  node: string;
  platform: string;
}

export interface SuiteReport {
  mode: 'full' | 'quick';
  machine: Machine;
  postgresql: string;
  date: string;
  seconds: number;
  figures: Figure[];
  /** Top self-time functions of the API under load, where a target was missed. */
  profile?: unknown;
  notes: string[];
}

export function machine(): Machine {
  const list = cpus();
  return { cpus: { model: list[0]?.model.trim() ?? 'unknown', count: list.length }, ramGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}` };
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** A figure whose target is a ratio of at least `atLeast` to its baseline. */
export function ratioFigure(name: string, value: number, unit: string, baseline: { name: string; value: number }, atLeast: number, detail?: Record<string, unknown>): Figure {
  const ratio = baseline.value > 0 ? value / baseline.value : 0;
  return { name, value: round(value, value >= 100 ? 0 : 2), unit, baseline: { name: baseline.name, value: round(baseline.value, baseline.value >= 100 ? 0 : 2) }, ratio: round(ratio), target: `ratio ≥ ${atLeast.toFixed(2)}`, pass: ratio >= atLeast ? 'PASS' : 'FAIL', ...(detail ? { detail } : {}) };
}

/** A figure with an absolute bound: below `under` (latency, memory) or at least `atLeast` (rates). */
export function boundFigure(name: string, value: number, unit: string, bound: { under: number } | { atLeast: number }, baseline: { name: string; value: number } | null = null, detail?: Record<string, unknown>): Figure {
  const pass = 'under' in bound ? value < bound.under : value >= bound.atLeast;
  const target = 'under' in bound ? `< ${bound.under} ${unit}` : `≥ ${bound.atLeast} ${unit}`;
  return { name, value: round(value), unit, baseline: baseline ? { name: baseline.name, value: round(baseline.value) } : null, ratio: baseline && baseline.value > 0 ? round(value / baseline.value) : null, target, pass: pass ? 'PASS' : 'FAIL', ...(detail ? { detail } : {}) };
}

export function printFigure(f: Figure): void {
  const against = f.baseline ? `  vs ${f.baseline.name} ${f.baseline.value} ${f.unit}` : '';
  const ratio = f.ratio !== null ? `  ratio ${f.ratio.toFixed(2)}×` : '';
  console.log(`${f.pass}  ${f.name}: ${f.value} ${f.unit}${against}${ratio}  (target ${f.target})`);
}

export async function writeResults(report: SuiteReport, file = 'bench/results/latest.json'): Promise<void> {
  await mkdir('bench/results', { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}

export const TABLE_START = '<!-- bench:table -->';
export const TABLE_END = '<!-- /bench:table -->';

const number = (n: number) => (Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-GB') : String(n));

/** The table for docs/benchmarks.md: what the last run measured, with its machine and date. */
export function table(report: SuiteReport): string {
  const m = report.machine;
  const lines = [
    `Last \`npm run bench${report.mode === 'quick' ? ' -- --quick' : ''}\` (${report.mode}, ${report.seconds} s a slice): ${report.date.slice(0, 16).replace('T', ' ')} UTC, ${m.cpus.count} × ${m.cpus.model}, ${m.ramGiB} GiB, Node ${m.node.slice(1)}, PostgreSQL ${report.postgresql}. Generated from bench/results/latest.json; edit the prose around it, not the table.`,
    '',
    '| figure | measured | baseline (same run, interleaved) | ratio | target | |',
    '|---|---:|---|---:|---|---|',
    ...report.figures.map((f) => `| ${f.name} | ${number(f.value)} ${f.unit} | ${f.baseline ? `${f.baseline.name}: ${number(f.baseline.value)}` : '—'} | ${f.ratio !== null ? `${f.ratio.toFixed(2)}×` : '—'} | ${f.target} | **${f.pass}** |`),
  ];
  return lines.join('\n');
}

/** Replaces what is between the markers in docs/benchmarks.md (adds them after the intro if missing). */
export async function regenerateDocsTable(report: SuiteReport, file = 'docs/benchmarks.md'): Promise<void> {
  const text = await readFile(file, 'utf8');
  const block = `${TABLE_START}\n${table(report)}\n${TABLE_END}`;
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  let next: string;
  if (start >= 0 && end > start) next = text.slice(0, start) + block + text.slice(end + TABLE_END.length);
  else {
    const firstSection = text.indexOf('\n## ');
    next = firstSection >= 0 ? `${text.slice(0, firstSection)}\n${block}\n${text.slice(firstSection)}` : `${text}\n${block}\n`;
  }
  await writeFile(file, next);
}
