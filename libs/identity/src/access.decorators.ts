import { type ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { type CommandContext, type Principal, newId } from '#shared-kernel';
import type { Action } from './access-policy.js';

export const PUBLIC_ROUTE = 'governance-ledger:public';
export const ROUTE_ACTION = 'governance-ledger:action';

/** Answerable without signing in (health, the public register). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export interface RouteAction {
  action: Action;
}

/**
 * The action a route takes. A route that is neither @Public nor a GET must name one, or it is
 * refused. The guard checks the role against it before anything is read; what the act is done to
 * (a party, a lead force) is judged by the command runner against the record it loads.
 */
export const Authorise = (action: Action) => SetMetadata(ROUTE_ACTION, { action } satisfies RouteAction);

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<FastifyRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route the access guard did not authenticate');
  return principal;
});

/** The command context of a request the guard authenticated: principal, correlation id, address, arrival time. */
export function commandContextFrom(request: FastifyRequest): CommandContext {
  if (!request.principal) throw new Error('a command context was asked of a request the access guard did not authenticate');
  const raw = request.raw as { id?: unknown };
  const causation = request.headers['x-causation-id'];
  return {
    principal: request.principal,
    correlationId: typeof raw.id === 'string' ? raw.id : newId(),
    ...(typeof causation === 'string' && /^[\w.:-]{1,100}$/.test(causation) ? { causationId: causation } : {}),
    clientIp: request.ip,
    receivedAt: new Date(),
  };
}

export const CommandContextOf = createParamDecorator((_data: unknown, context: ExecutionContext): CommandContext =>
  commandContextFrom(context.switchToHttp().getRequest<FastifyRequest>()),
);
