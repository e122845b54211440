import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** The built web app (apps/ledger-web, built by scripts/build.mjs into dist/apps/ledger-web). */
export const WEB_APP_OPTIONS = Symbol.for('governance-ledger.WebAppOptions');
export interface WebAppOptions {
  /** The folder holding index.html and assets/; unset: the API serves a page saying the web app is not built. */
  root?: string;
}

/** The web app's page, or undefined when it has not been built. */
export function readIndexHtml(options: WebAppOptions): string | undefined {
  if (!options.root) return undefined;
  const file = join(options.root, 'index.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/**
 * Serves the web app's hashed, immutable assets under /assets/ with @fastify/static. Imported only
 * when there is a built web app to serve: under Jest on Node 20, @fastify/static's ESM
 * dependencies cannot be loaded (see the stack notes), and the in-process tests serve no web app.
 */
export async function serveWebAppAssets(app: NestFastifyApplication, options: WebAppOptions): Promise<void> {
  if (!options.root || !existsSync(join(options.root, 'assets'))) return;
  const { default: fastifyStatic } = await import('@fastify/static');
  await app.register(fastifyStatic, {
    root: join(options.root, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    maxAge: '365d',
    immutable: true,
  });
}
