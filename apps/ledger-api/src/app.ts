import helmet from 'helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { INestApplication } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { problem, titleOfStatus } from '#shared-kernel';
import { PROBLEM_MEANINGS_503 } from '#governance';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { RequestsInFlight, exemptFromAdmission } from './load-shedding.js';
import { QueryParameterInterceptor } from './query-parameters.js';
import { InputHygienePipe, ledgerValidationPipe } from './validation.js';
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

/**
 * Pages load only what this server serves: no inline script (a page that needs one allows it by
 * its hash), no framing by another site, no plugins, forms posted only here.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export async function createLedgerApp(options: LedgerAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: 1_048_576,
    trustProxy: false,
    // The longest path parameter is a stream id (200 characters); a longer one is a 414 problem.
    routerOptions: { maxParamLength: 200 },
    // Errors Fastify meets before any route runs (a malformed URL, a path parameter too long) are problem details too.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode ?? 400;
      const code = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'UriTooLong' : 'BadRequest';
      const detail = code === 'UriTooLong' ? 'A path parameter is longer than any id of this API (at most 200 characters).' : 'The request’s URL is malformed.';
      void reply.status(status).header('content-type', 'application/problem+json; charset=utf-8').send(problem(status, code, detail, {}, request.url.slice(0, 300)));
    },
  });
  // Commands take JSON objects only: no form bodies (Nest's default parser is off) and no plain text (Fastify's).
  adapter.getInstance().removeContentTypeParser('text/plain');
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, { bufferLogs: true, abortOnError: false, bodyParser: false });
  app.useLogger(app.get(Logger));
  // Bounded admission first: a request beyond the bound is refused before anything else is done for it.
  app.get(RequestsInFlight).install(app.getHttpAdapter().getInstance());
  // Security headers (helmet), its middlewares built once: @fastify/helmet built them all and parsed the
  // policy again for every request (3% of a read's CPU under load, docs/benchmarks.md).
  const securityHeaders = helmet({ contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY } });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)));
  // Signed-in answers are for the person who asked: never kept by a browser or a proxy.
  app.getHttpAdapter().getInstance().addHook('onSend', async (request, reply) => {
    if (request.headers.authorization !== undefined && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
  });
  // Hygiene first: nothing a log must never hold reaches class-transformer or a DTO.
  app.useGlobalPipes(new InputHygienePipe(), ledgerValidationPipe());
  // A query parameter a route does not take is refused, never ignored (UnsupportedQueryParameter).
  app.useGlobalInterceptors(new QueryParameterInterceptor());
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
  const document = SwaggerModule.createDocument(app, info, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` });
  return withOverloadedEverywhere(document);
}

/**
 * Every route but health and metrics may be refused 503 Overloaded when the process is answering
 * as many requests as it takes (load-shedding.ts): the document says so of each, as a client must
 * expect it of each.
 */
function withOverloadedEverywhere(document: OpenAPIObject): OpenAPIObject {
  for (const [path, operations] of Object.entries(document.paths)) {
    if (exemptFromAdmission(path)) continue;
    for (const operation of Object.values(operations) as Array<{ responses?: Record<string, unknown> }>) {
      if (!operation?.responses || operation.responses['503']) continue;
      operation.responses['503'] = {
        description: `${titleOfStatus(503)}: ${PROBLEM_MEANINGS_503}`,
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } },
      };
    }
  }
  return document;
}
