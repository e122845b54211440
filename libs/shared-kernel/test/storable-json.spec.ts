import { describe, expect, it } from '@jest/globals';
import { storableJsonProblem, textProblem } from '../src/storable-json.js';

describe('what the log can hold', () => {
  it('holds plain JSON with any Unicode text', () => {
    expect(storableJsonProblem({ name: 'Heddlu Dyfed-Powys — Gŵyl 🚓', amounts: [1, 2.5, -0], nested: { ok: true, none: null } })).toBeUndefined();
  });

  it.each([
    [{ owner: { name: 'a\u0000b' } }, 'owner.name contains a NUL character'],
    [{ note: 'x\ud800' }, 'note contains an unpaired surrogate'],
    [{ list: ['ok', '\udc00'] }, 'list[1] contains an unpaired surrogate'],
    [{ 'k\u0000': 1 }, 'a key of the value contains a NUL character'],
    [{ value: Number.NaN }, 'value is not a finite number'],
    [{ value: Number.POSITIVE_INFINITY }, 'value is not a finite number'],
    [{ when: new Date(0) }, 'when is not plain JSON (Date)'],
    [{ list: [undefined] }, 'list[0] is not plain JSON (undefined)'],
    [{ f: () => 1 }, 'f is not plain JSON (function)'],
  ])('refuses %j, saying where: %s', (value, problem) => {
    expect(storableJsonProblem(value)).toContain(problem);
  });

  it('refuses nesting deeper than its limit without exhausting the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = { a: deep };
    expect(storableJsonProblem(deep)).toMatch(/nested deeper than 64 levels/);
  });

  it('leaves out a property whose value is undefined, as JSON does', () => {
    expect(storableJsonProblem({ optional: undefined })).toBeUndefined();
  });

  it('names text problems on their own', () => {
    expect(textProblem('fine')).toBeUndefined();
    expect(textProblem('\ud83d\ude93')).toBeUndefined();
    expect(textProblem('\ude93\ud83d')).toMatch(/unpaired surrogate/);
  });
});
