import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { LedgerError } from '#shared-kernel';
import { decideAccess } from './access-policy.js';
import { type ProviderLookup, PUBLIC_ROUTE, ROUTE_ACTION, type RouteAction } from './access.decorators.js';
import { TokenVerifier } from './token-verifier.js';
import { WriteRateLimiter } from './write-rate-limiter.js';

/**
 * Every request passes here: authenticate the bearer token, ask the access policy about the
 * route's action, limit the rate of writes. A refusal is a 401/403/429 problem, is logged, and
 * nothing runs (so nothing is written). It is not a domain event.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly rateLimiter: WriteRateLimiter,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const handlers = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, handlers)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();

    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) {
      this.refused(request, 'MissingToken');
      throw new LedgerError('MissingToken', 'unauthenticated', 'Sign in: this request needs an Authorization: Bearer token.');
    }
    try {
      request.principal = await this.verifier.verify(match[1]!);
    } catch (error) {
      this.refused(request, (error as LedgerError).code ?? 'InvalidToken');
      throw error;
    }

    const routeAction = this.reflector.getAllAndOverride<RouteAction | undefined>(ROUTE_ACTION, handlers);
    if (!routeAction) {
      if (request.method === 'GET' || request.method === 'HEAD') return true;
      this.refused(request, 'NoActionDeclared');
      throw new LedgerError('NoActionDeclared', 'forbidden', 'This route declares no access rule, so it is refused.');
    }
    const { action, target } = routeAction;
    const lookup = ((token: Parameters<ModuleRef['get']>[0]) => this.moduleRef.get(token, { strict: false })) as ProviderLookup;
    const decision = decideAccess(request.principal, action, target ? await target(request, lookup) : {});
    if (!decision.allowed) {
      this.refused(request, decision.rule, action.name);
      throw new LedgerError(decision.rule, 'forbidden', `Refused: ${decision.reason}. Nothing was written.`, { rule: decision.rule, action: action.name });
    }
    if (action.kind !== 'read') await this.rateLimiter.consume(request.principal, request.ip);
    return true;
  }

  private refused(request: FastifyRequest, rule: string, action?: string): void {
    const { principal } = request;
    this.logger.warn({
      msg: 'access refused',
      rule,
      action,
      method: request.method,
      path: request.url,
      ip: request.ip,
      principal: principal ? { personId: principal.personId, role: principal.role, force: principal.force } : undefined,
    });
  }
}
