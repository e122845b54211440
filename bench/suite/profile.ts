/**
 * What a V8 .cpuprofile (node --cpu-prof) says the process spent its time on: self time per
 * function (samples whose top frame is that function), and per package, in milliseconds and as a
 * share of all samples. "(idle)" is the event loop waiting: for a server under load, waiting on
 * PostgreSQL or for the CPU the other processes on the machine hold.
 */
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  idleShare: number;
  gcShare: number;
  top: Array<{ fn: string; where: string; selfMs: number; share: number }>;
  byPackage: Array<{ pkg: string; selfMs: number; share: number }>;
}

const where = (url: string, line: number) => {
  if (!url) return '';
  const nm = url.lastIndexOf('node_modules/');
  const short = nm >= 0 ? url.slice(nm + 'node_modules/'.length) : url.replace(/^file:\/\/.*?\/(dist|node:)/, '$1').replace(/^file:\/\//, '');
  return `${short}:${line + 1}`;
};

const packageOf = (url: string, fn: string): string => {
  if (fn === '(idle)' || fn === '(program)' || fn === '(garbage collector)') return fn;
  if (!url) return '(native / V8)';
  if (url.startsWith('node:')) return 'node core';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const lib = /\/dist\/(libs|apps)\/([^/]+)\//.exec(url);
  return lib ? `${lib[1]}/${lib[2]}` : 'other';
};

/**
 * `window`: only the samples from `skipEndSeconds + seconds` to `skipEndSeconds` before the profile's
 * end (the load, without start-up and shutdown).
 */
export async function summariseProfile(file: string, topN = 15, window?: { seconds: number; skipEndSeconds: number }): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const times: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((t += delta));
  const from = window ? profile.endTime - (window.skipEndSeconds + window.seconds) * 1e6 : -Infinity;
  const to = window ? profile.endTime - window.skipEndSeconds * 1e6 : Infinity;
  for (let i = 0; i < profile.samples.length; i++) {
    if (times[i]! < from || times[i]! > to) continue;
    self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const totalUs = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, { fn: string; where: string; us: number }>();
  const byPackage = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const fn = functionName || '(anonymous)';
    const key = `${fn}@${url}:${lineNumber}`;
    const entry = byFunction.get(key) ?? { fn, where: where(url, lineNumber), us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
    const pkg = packageOf(url, fn);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const share = (us: number) => Number((us / totalUs).toFixed(4));
  return {
    file,
    totalMs: Math.round(totalUs / 1000),
    idleShare: share(byPackage.get('(idle)') ?? 0),
    gcShare: share(byPackage.get('(garbage collector)') ?? 0),
    top: [...byFunction.values()].sort((a, b) => b.us - a.us).slice(0, topN).map((e) => ({ fn: e.fn, where: e.where, selfMs: Math.round(e.us / 1000), share: share(e.us) })),
    byPackage: [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, topN).map(([pkg, us]) => ({ pkg, selfMs: Math.round(us / 1000), share: share(us) })),
  };
}

export function printProfile(summary: ProfileSummary): void {
  console.log(`\nCPU profile of the API under load (${summary.file}): ${summary.totalMs} ms sampled, idle ${(summary.idleShare * 100).toFixed(1)}%, GC ${(summary.gcShare * 100).toFixed(1)}%`);
  console.log('  top self time by function:');
  for (const t of summary.top) console.log(`    ${(t.share * 100).toFixed(1).padStart(5)}%  ${String(t.selfMs).padStart(6)} ms  ${t.fn}  ${t.where}`);
  console.log('  by package:');
  for (const p of summary.byPackage) console.log(`    ${(p.share * 100).toFixed(1).padStart(5)}%  ${String(p.selfMs).padStart(6)} ms  ${p.pkg}`);
}

// `node dist/bench/suite/profile.js file.cpuprofile`: summarise a profile of your own.
if (process.argv[1]?.endsWith('/suite/profile.js') && process.argv[2]) {
  printProfile(await summariseProfile(process.argv[2], 25, process.argv[3] ? { seconds: Number(process.argv[3]), skipEndSeconds: Number(process.argv[4] ?? 1) } : undefined));
}
