import { type ExecutionContext, Post, applyDecorators, createParamDecorator } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Action, Authorise, type RouteAction, commandContextFrom } from '#identity';
import { type CommandContext, LedgerError, isUuid } from '#shared-kernel';
import { ETAG_HEADER_DOC } from './http.js';

/** Everything a command route needs from its request besides the body. */
export interface CommandScope {
  params: Record<string, string>;
  ifMatch: string | undefined;
  context: CommandContext;
  reply: FastifyReply;
}

/** The route's path parameters (ids checked as UUIDs), If-Match, command context and reply. */
export const Scope = createParamDecorator((_data: unknown, execution: ExecutionContext): CommandScope => {
  const request = execution.switchToHttp().getRequest<FastifyRequest>();
  const params = (request.params ?? {}) as Record<string, string>;
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith('Id') && !isUuid(value)) throw new LedgerError('InvalidId', 'invalid', `${name} must be a UUID, not ${JSON.stringify(value)}.`);
  }
  const ifMatch = request.headers['if-match'];
  return {
    params,
    ifMatch: Array.isArray(ifMatch) ? ifMatch[0] : ifMatch,
    context: commandContextFrom(request),
    reply: execution.switchToHttp().getResponse<FastifyReply>(),
  };
});

/** POST route of a command: the access rule, OpenAPI summary, bearer auth and If-Match documented. */
export const CommandRoute = (path: string, summary: string, action: Action, target?: RouteAction['target']) =>
  applyDecorators(Post(path), ApiBearerAuth(), ApiOperation({ summary }), ApiHeader(ETAG_HEADER_DOC), Authorise(action, target));
