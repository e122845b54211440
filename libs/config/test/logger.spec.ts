import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';

const run = promisify(execFile);

/** The logger as a process writes it to a pipe (the built lib: `npm test` builds first). */
const logOnce = async (format: 'json' | 'pretty') => {
  const script = `
    import { createLogger } from './dist/libs/config/src/index.js';
    const log = createLogger({ level: 'info', format: '${format}' });
    log.debug('not shown');
    log.info({ context: 'Projections', lag: 3 }, 'register.v2 caught up');
    process.exit(0);`;
  return (await run(process.execPath, ['--input-type=module', '-e', script], { timeout: 30_000 })).stdout;
};

describe('the logger', () => {
  it('writes one JSON object a line for machines', async () => {
    const lines = (await logOnce('json')).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, context: 'Projections', lag: 3, msg: 'register.v2 caught up' });
  });

  it('writes readable lines for people, every line out before an immediate exit', async () => {
    const output = await logOnce('pretty');
    expect(output).not.toMatch(/^\{/m);
    expect(output).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO.*: Projections: register\.v2 caught up$/m);
    expect(output).toMatch(/^\s+lag: 3$/m);
    expect(output).not.toContain('not shown');
  });
});
