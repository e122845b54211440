import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { LedgerError } from '#shared-kernel';
import { authorise } from './access-policy.js';
import { PUBLIC_ROUTE, ROUTE_ACTION, type RouteAction } from './access.decorators.js';
import { TokenVerifier } from './token-verifier.js';
import { WriteRateLimiter } from './write-rate-limiter.js';

/**
 * Every request passes here: authenticate the bearer token, ask the access policy whether the
 * role may take the route's action, limit the rate of writes. A refusal is a 401/403/429 problem
 * (logged by the problem filter, with who and what) and nothing runs, so nothing is written. It is
 * not a domain event. What the act is done to is judged by the command runner, from the record.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly rateLimiter: WriteRateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const handlers = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, handlers)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();

    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new LedgerError('MissingToken', 'unauthenticated', 'Sign in: this request needs an Authorization: Bearer token.');
    request.principal = await this.verifier.verify(match[1]!);

    const routeAction = this.reflector.getAllAndOverride<RouteAction | undefined>(ROUTE_ACTION, handlers);
    if (!routeAction) {
      if (request.method === 'GET' || request.method === 'HEAD') return true;
      throw new LedgerError('NoActionDeclared', 'forbidden', 'This route declares no access rule, so it is refused.');
    }
    // The role, before anything is read; the target is judged by the command runner from the record.
    // A registrar entering history on another's behalf (`entry`, commands only) is judged as the
    // person named, by the command runner.
    const reads = routeAction.action.kind === 'read' || routeAction.action.kind === 'audit';
    if (reads || !isRegistrarEntry(request)) authorise(request.principal, routeAction.action);
    if (!reads) await this.rateLimiter.consume(request.principal, request.ip);
    return true;
  }
}

/** A registrar's command naming, in its body, the person who acted (`entry`): history entered on their behalf. */
const isRegistrarEntry = (request: FastifyRequest) =>
  request.principal?.role === 'registrar' && typeof request.body === 'object' && request.body !== null && (request.body as { entry?: unknown }).entry !== undefined;
