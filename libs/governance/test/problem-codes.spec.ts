import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

/**
 * Every problem code the code can answer with is documented in docs/api/problems.md: a client
 * meeting one can look it up. Codes are found where errors are made: refuse('…'), notFound('…'),
 * new LedgerError('…', kind…), @ProblemCode('…'), and the access policy's rules.
 */
const root = new URL('../../..', import.meta.url).pathname;
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('the problem codes', () => {
  it('are each documented in docs/api/problems.md', () => {
    const code = ['apps', 'libs'].flatMap((top) => sources(join(root, top))).filter((f) => f.includes('/src/')).map((f) => readFileSync(f, 'utf8')).join('\n');
    const found = new Set<string>();
    const patterns = [
      /\b(?:refuse|notFound)\(\s*'([A-Z][A-Za-z]+)'/g,
      /LedgerError\(\s*'([A-Z][A-Za-z]+)'/g,
      /ProblemCode\('([A-Z][A-Za-z]+)'\)/g,
      /'([A-Z][A-Za-z]+)',\s*'(?:invalid|unauthenticated|forbidden|not-found|conflict|precondition-failed|rule-violated|rate-limited|unavailable)'/g,
      /refuse\('([A-Z][A-Za-z]+)',/g,
    ];
    for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.add(match[1]!);
    const rules = /export type AccessRule =([^;]+);/.exec(readFileSync(join(root, 'libs/identity/src/access-policy.ts'), 'utf8'))![1]!;
    for (const match of rules.matchAll(/'([A-Z][A-Za-z]+)'/g)) found.add(match[1]!);
    expect(found.size).toBeGreaterThan(80);
    const documented = readFileSync(join(root, 'docs/api/problems.md'), 'utf8');
    expect([...found].filter((c) => !new RegExp(`\\b${c}\\b`).test(documented)).sort()).toEqual([]);
  });
});
