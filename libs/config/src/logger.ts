import { type Logger, pino } from 'pino';
import pretty from 'pino-pretty';
import type { LedgerConfig } from './config.js';

/**
 * The process's pino logger: JSON lines (for machines: containers, tests, log shippers), or, when
 * the configuration says `pretty` (a terminal, or LOG_FORMAT=pretty), readable lines through
 * pino-pretty as an in-process stream, written synchronously so that nothing logged just before
 * an exit is lost.
 */
export function createLogger(settings: LedgerConfig['log']): Logger {
  if (settings.format === 'json') return pino({ level: settings.level });
  return pino(
    { level: settings.level },
    pretty({
      sync: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,context',
      messageFormat: '{if context}{context}: {end}{msg}',
    }),
  );
}
