import { type ExecutionContext, Post, applyDecorators, createParamDecorator } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiParam } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Action, Authorise, commandContextFrom } from '#identity';
import { type CommandContext, LedgerError, isUuid, newId } from '#shared-kernel';
import { ApiProblems, CommandAccepted, EntryDto } from './http.js';
import { type Idempotency, idOf, idempotencyOf } from './idempotency.js';

/** Everything a command route needs from its request besides the body. */
export interface CommandScope {
  params: Record<string, string>;
  /** If-Match, parsed once: the stream version the client decided on; undefined for "any". */
  expectedVersion: number | undefined;
  context: CommandContext;
  reply: FastifyReply;
  /** Idempotency-Key, with who sent it where and the digest of the request; undefined without one. */
  idempotency: Idempotency | undefined;
  /** A new id for what the command creates: random, or, with an Idempotency-Key, the same on every retry. */
  newId(): string;
}

/** If-Match carries the stream version the client decided on: `"3"`, `W/"3"` or `3`. Absent or `*`: any. */
export function versionFromIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined || header === '*') return undefined;
  const value = Array.isArray(header) ? header[0]! : header;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(value.trim());
  if (!match) {
    throw new LedgerError('InvalidIfMatch', 'invalid', `If-Match must be the version you read, as its ETag gave it (for example "3"), not ${JSON.stringify(value)}.`);
  }
  return Number(match[1]);
}

/** The route's path parameters (ids checked as UUIDs), If-Match, command context and reply. */
export const Scope = createParamDecorator((_data: unknown, execution: ExecutionContext): CommandScope => {
  const request = execution.switchToHttp().getRequest<FastifyRequest>();
  const params = (request.params ?? {}) as Record<string, string>;
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith('Id') && !isUuid(value)) throw new LedgerError('InvalidId', 'invalid', `${name} must be a UUID, not ${JSON.stringify(value)}.`);
  }
  const context = commandContextFrom(request);
  const ifMatch = request.headers['if-match'];
  const idempotency = idempotencyOf(
    request.headers['idempotency-key'],
    { personId: context.principal.personId, method: request.method, route: request.routeOptions.url ?? request.url },
    { params, ifMatch: Array.isArray(ifMatch) ? ifMatch.join(',') : ifMatch, body: request.body },
  );
  return {
    params,
    expectedVersion: versionFromIfMatch(ifMatch),
    context: withRegistrarEntry(context, (request.body as { entry?: unknown } | null | undefined)?.entry),
    reply: execution.switchToHttp().getResponse<FastifyReply>(),
    idempotency,
    newId: () => (idempotency ? idOf(idempotency, 'created') : newId()),
  };
});

/**
 * A registrar entering history (`entry` in the body): the act is judged and recorded as the act of
 * the person named, with the registrar and the source beside it (metadata enteredBy, source). Only
 * a registrar may do so; the body's validation checks the rest of the request.
 */
export function withRegistrarEntry(context: CommandContext, raw: unknown): CommandContext {
  if (raw === undefined) return context;
  const registrar = context.principal;
  if (registrar.role !== 'registrar') {
    throw new LedgerError('EntryNotByRegistrar', 'forbidden', `Only a registrar enters history on another's behalf (entry); a ${registrar.role} acts as themselves. Nothing was written.`);
  }
  const entry = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? plainToInstance(EntryDto, raw) : undefined;
  const problems = entry ? validateSync(entry, { whitelist: true, forbidNonWhitelisted: true }) : [];
  if (!entry || problems.length > 0) {
    const messages = problems.flatMap(function flat(p): string[] {
      return [...Object.values(p.constraints ?? {}), ...(p.children ?? []).flatMap(flat)];
    });
    throw new LedgerError('InvalidEntry', 'invalid', `entry must name the record it comes from (source) and, for another's act, who acted (actor: personId, name, role, force)${messages.length ? `: ${messages.join('; ')}` : ''}. Nothing was written.`);
  }
  return {
    ...context,
    principal: entry.actor ? { personId: entry.actor.personId, name: entry.actor.name, role: entry.actor.role, force: entry.actor.force } : registrar,
    entry: { enteredBy: { personId: registrar.personId, name: registrar.name }, source: entry.source },
  };
}

export const ETAG_HEADER_DOC = {
  name: 'If-Match',
  required: false,
  description: 'The stream version you decided on (its ETag). A different current version answers 412 and writes nothing.',
};

export const IDEMPOTENCY_KEY_DOC = {
  name: 'Idempotency-Key',
  required: false,
  description:
    'A key of your own for this request (a UUID is best; 1–255 printable characters). Retried with the same key, path and body, a recorded request answers what it recorded (201, Idempotent-Replayed: true) and records nothing again, even after a restart; the same key with another request is a 422 (IdempotencyKeyReused).',
};

/**
 * POST route of a command: the action the access guard checks for the role (the command runner
 * judges the target from the record), OpenAPI summary, bearer auth, If-Match, the 201 answer and
 * the problems it may answer with.
 */
export const CommandRoute = (path: string, summary: string, action: Action, response: new () => CommandAccepted = CommandAccepted) =>
  applyDecorators(
    Post(path),
    ...pathParameters(path),
    ApiBearerAuth(),
    ApiOperation({ summary }),
    ApiHeader(ETAG_HEADER_DOC),
    ApiHeader(IDEMPOTENCY_KEY_DOC),
    Authorise(action),
    ApiCreatedResponse({ type: response, description: 'Recorded: the stream’s new version (also the ETag), and the events appended' }),
    ApiProblems(400, 401, 403, 404, 409, 412, 422, 429),
  );

/** The OpenAPI parameters of a route path's `:names`: ids are UUIDs, the rest what their name says. */
export const pathParameters = (path: string) =>
  [...path.matchAll(/:(\w+)/g)].map(([, name]) =>
    name!.endsWith('Id')
      ? ApiParam({ name: name!, format: 'uuid' })
      : name === 'office'
        ? ApiParam({ name: name!, enum: ['chief-officer', 'policing-body'] })
        : ApiParam({ name: name!, description: name === 'forceCode' ? 'A force code (GET /forces), e.g. kent' : undefined }),
  );
