import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { pino } from 'pino';
import { DEFAULT_AUDIENCE } from '#identity';
import { openApiDocument } from './app.js';
import { AppModule } from './app.module.js';

/**
 * Writes the API's OpenAPI document (`npm run openapi`): the module graph in Nest's preview mode
 * (no provider runs, so no database is needed). The e2e client's types are generated from it, and
 * a test checks the served document still equals it.
 */
const out = resolve(process.argv[2] ?? 'docs/api/openapi.json');
const app = await NestFactory.create<NestFastifyApplication>(
  AppModule.forRoot({
    databaseUrl: 'postgres://preview@localhost/none',
    embeddedDatabase: false,
    databasePoolSize: 1,
    logger: pino({ level: 'silent' }),
    identity: { audience: DEFAULT_AUDIENCE, dataDir: '/nonexistent' },
    rateLimits: { perPrincipalPerMinute: 1, perIpPerMinute: 1 },
  }),
  new FastifyAdapter(),
  { preview: true, logger: false, abortOnError: false },
);
const document = openApiDocument(app);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(document, null, 2)}\n`);
await app.close();
process.stdout.write(`wrote ${out}: ${Object.keys(document.paths).length} paths\n`);
