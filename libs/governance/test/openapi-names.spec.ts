import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

/**
 * The OpenAPI document names each schema after its class: two classes of one name would silently
 * share one schema, and one route would document the other's answer. Every class name is unique.
 */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('class names across the API', () => {
  it('are unique, so each schema in the OpenAPI document is one class', () => {
    const root = new URL('../../..', import.meta.url).pathname;
    const names = ['apps', 'libs']
      .flatMap((top) => sources(join(root, top)))
      .filter((file) => file.includes('/src/'))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^(?:export )?class (\w+)/gm)].map((m) => `${m[1]}`));
    const repeated = names.filter((name, index) => names.indexOf(name) !== index);
    expect(repeated).toEqual([]);
  });
});
