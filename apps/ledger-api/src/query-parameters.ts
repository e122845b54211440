import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { getMetadataStorage } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { LedgerError } from '#shared-kernel';

const ANY_QUERY = 'ledger:takes-any-query';
/**
 * For routes that are not the API's: the web app's pages, whose query strings are the browser
 * router's own (filters, the sign-in callback's code and state), never read by the server.
 */
export const TakesAnyQuery = () => SetMetadata(ANY_QUERY, true);

/** The query parameters a route takes; null when it takes any (a query object without a DTO class). */
export function queryParametersOf(controller: new (...args: never[]) => object, handler: (...args: unknown[]) => unknown): ReadonlySet<string> | null {
  if (Reflect.getMetadata(ANY_QUERY, controller) || Reflect.getMetadata(ANY_QUERY, handler)) return null;
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler.name) ?? {}) as Record<string, { index: number; data?: unknown }>;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, handler.name) ?? []) as Array<(new () => object) | undefined>;
  const names = new Set<string>();
  for (const [key, { index, data }] of Object.entries(args)) {
    if (Number(key.split(':')[0]) !== RouteParamtypes.QUERY) continue;
    if (typeof data === 'string') {
      names.add(data);
      continue;
    }
    const type = types[index];
    if (!type || type === Object) return null;
    // Every property its DTO (and the classes it extends) validates: what the validation pipe keeps.
    for (const metadata of getMetadataStorage().getTargetValidationMetadatas(type, '', true, false)) names.add(metadata.propertyName);
  }
  return names;
}

/**
 * A query parameter a route does not take is a 400 problem (UnsupportedQueryParameter, naming it),
 * never silently ignored: `GET /office-holders?asOf=2019-01-01` must not answer with today's office
 * holders as if it were as at that date. Global, for every route: those with a query DTO take its
 * properties, those without take none. Runs before pipes, so the code is the same everywhere.
 */
@Injectable()
export class QueryParameterInterceptor implements NestInterceptor {
  private readonly known = new WeakMap<object, ReadonlySet<string> | null>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const query = context.switchToHttp().getRequest<FastifyRequest>().query;
      const given = query && typeof query === 'object' ? Object.keys(query) : [];
      if (given.length) {
        const handler = context.getHandler() as (...args: unknown[]) => unknown;
        if (!this.known.has(handler)) this.known.set(handler, queryParametersOf(context.getClass<new (...args: never[]) => object>(), handler));
        const taken = this.known.get(handler)!;
        const unsupported = taken ? given.filter((name) => !taken.has(name)) : [];
        if (unsupported.length) {
          const takes = taken!.size ? `it takes ${[...taken].sort().join(', ')}` : 'it takes none';
          throw new LedgerError(
            'UnsupportedQueryParameter',
            'invalid',
            `This route does not take the query parameter${unsupported.length > 1 ? 's' : ''} ${unsupported.map((n) => JSON.stringify(n.slice(0, 60))).join(', ')}; ${takes}. Nothing was read.`,
            { parameters: unsupported.map((n) => n.slice(0, 60)), supported: [...taken!].sort() },
          );
        }
      }
    }
    return next.handle();
  }
}
