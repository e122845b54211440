#!/usr/bin/env node
// The TypeScript build (tsc -p tsconfig.build.json into dist/), with a stamp that says when the last
// successful build began, so that `npm run ledger`, `npm start` and `npm run start:projector` build
// only when a source is newer than the build:
//
//   node scripts/build.mjs              build now (npm run build, npm test)
//   node scripts/build.mjs --if-stale   build only if a file or folder under apps/, libs/ or bench/,
//                                       a tsconfig or package.json changed since the last build began
//
// The check compares modification times, folders included (a deleted or renamed file changes its
// folder's), with the stamp dist/.build-stamp, whose time is when that build began: a source saved
// while tsc ran counts as newer. A failed build removes the stamp. Compiler output goes to stderr,
// so that standard output stays the program's own (TOKEN=$(npm run -s ledger -- token …)).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');
const SOURCE_DIRS = ['apps', 'libs', 'bench'];
const SOURCE_FILES = ['tsconfig.base.json', 'tsconfig.build.json', 'package.json'];

/** The newest modification time (ms) under `path`, folders included. */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  let latest = stat.mtimeMs;
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path)) {
      if (entry === 'node_modules') continue;
      latest = Math.max(latest, newest(join(path, entry)));
    }
  }
  return latest;
}

function builtAt() {
  try {
    return statSync(stamp).mtimeMs;
  } catch {
    return undefined;
  }
}

const ifStale = process.argv.includes('--if-stale');
if (ifStale) {
  const built = builtAt();
  const sources = Math.max(...[...SOURCE_DIRS, ...SOURCE_FILES].map((p) => newest(join(root, p))));
  if (built !== undefined && sources <= built) process.exit(0);
  process.stderr.write(built === undefined ? 'no build yet: building (tsc)…\n' : 'sources changed since the last build: building (tsc)…\n');
}

const began = new Date();
const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], {
  cwd: root,
  stdio: ['ignore', process.stderr, process.stderr],
});
if (tsc.status !== 0) {
  rmSync(stamp, { force: true });
  process.stderr.write(`the build failed (tsc exited ${tsc.status ?? tsc.signal})\n`);
  process.exit(tsc.status || 1);
}
mkdirSync(dirname(stamp), { recursive: true });
writeFileSync(stamp, `${JSON.stringify({ began: began.toISOString() })}\n`);
utimesSync(stamp, began, began);
