import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { ledgerValidationPipe } from './validation.js';
import { serveWebAppAssets } from './web-app/web-app.js';

/** Builds the API (not yet listening): used by main.ts and by the end-to-end tests. */
export interface LedgerAppOptions extends AppModuleOptions {
  /**
   * Serve the Swagger UI page at /api/docs (the OpenAPI JSON is always served). Off under Jest,
   * whose module loader cannot load @fastify/static's ESM dependencies on Node 20; the system
   * tests check the page on the real process.
   */
  swaggerUi?: boolean;
}

export async function createLedgerApp(options: LedgerAppOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(options),
    new FastifyAdapter({ bodyLimit: 1_048_576, trustProxy: false }),
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(ledgerValidationPipe());
  if (options.webApp) await serveWebAppAssets(app, options.webApp);
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), {
    jsonDocumentUrl: 'api/docs/openapi.json',
    ui: options.swaggerUi ?? true,
  });
  return app;
}

/** The OpenAPI document of the API, as served at /api/docs/openapi.json and committed as docs/api/openapi.json. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const info = new DocumentBuilder()
    .setTitle('Governance ledger for police-to-police collaboration')
    .setDescription(
      'Commands change the ledger (each answers 201 with the stream version as ETag; send it back as If-Match). ' +
        'Queries read it, as at (asOf, occurred time) and as known at (knownAt, recorded time) any date. ' +
        'Every error is an RFC 9457 problem with a stable code (docs/api/problems.md). ' +
        'Read models trail commands by a moment: send Ledger-Read-After with a position a command answered to read your own write.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, info, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` });
}
