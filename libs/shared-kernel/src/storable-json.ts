/**
 * What the log can hold, for ever and for every reader: JSON whose text is Unicode without NUL.
 * PostgreSQL's jsonb refuses NUL (U+0000) and an unpaired surrogate is not Unicode text at all (it
 * cannot be encoded as UTF-8), so either would fail an append or, worse, be read back differently
 * by different readers. Shared by the API's input check and the event store's own.
 */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000), which the ledger cannot record';
  if (!(text as string & { isWellFormed(): boolean }).isWellFormed()) return 'contains an unpaired surrogate (U+D800–U+DFFF alone), which is not Unicode text';
  return undefined;
}

/**
 * Why `value` cannot be recorded as JSON exactly as given, naming where (`owner.name`), or
 * undefined when it can: strings and keys must be NUL-free Unicode, numbers finite, values plain
 * JSON (no undefined in arrays, no functions, no Dates), nesting at most `maxDepth` deep.
 * Iterative, so no value can exhaust the stack.
 */
export function storableJsonProblem(value: unknown, maxDepth = 64): string | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!;
    const where = path || 'the value';
    if (current === null || typeof current === 'boolean') continue;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) return `${where} ${problem}`;
      continue;
    }
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return `${where} is not a finite number`;
      continue;
    }
    // By its tag, not its prototype, which differs between realms (a vm context, a worker): a Date, Map or Buffer is not JSON.
    const tag = Object.prototype.toString.call(current);
    if (typeof current !== 'object' || (tag !== '[object Object]' && tag !== '[object Array]')) {
      return `${where} is not plain JSON (${typeof current === 'object' ? tag.slice(8, -1) : typeof current})`;
    }
    if (depth >= maxDepth) return `${where} is nested deeper than ${maxDepth} levels`;
    if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, path: `${path}[${index}]`, depth: depth + 1 }));
      continue;
    }
    for (const [key, item] of Object.entries(current)) {
      const problem = textProblem(key);
      if (problem) return `a key of ${where} ${problem}`;
      if (item === undefined) continue; // JSON drops it, as every writer here does
      stack.push({ value: item, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return undefined;
}
