import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { StoreUnavailable, isUnavailable } from '#event-store';
import { type ProblemDetails, isLedgerError, problem, problemFromError } from '#shared-kernel';

/**
 * The one place errors become HTTP responses: RFC 9457 problem details, content type
 * application/problem+json, with a stable `code`. Unknown errors are logged and answered with a
 * 500 that reveals nothing internal.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problems');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = this.toProblem(exception, request.url);
    if (body.status === 503) this.logger.warn(`${body.code}: ${body.detail}`);
    else if (body.status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    if (body.status === 401 || body.status === 403) this.refused(request, body);
    if (body.status === 401) void reply.header('www-authenticate', `Bearer error="invalid_token", error_description="${body.code}"`);
    if (typeof body.retryAfterSeconds === 'number') void reply.header('retry-after', String(body.retryAfterSeconds));
    void reply.status(body.status).header('content-type', 'application/problem+json; charset=utf-8').send(body);
  }

  /** Every refusal of access is logged with who asked for what: refusals are not domain events. */
  private refused(request: FastifyRequest, body: ProblemDetails): void {
    const { principal } = request;
    this.logger.warn({
      msg: 'access refused',
      rule: body.code,
      action: body.action,
      method: request.method,
      path: request.url,
      ip: request.ip,
      principal: principal ? { personId: principal.personId, role: principal.role, force: principal.force } : undefined,
    });
  }

  private toProblem(exception: unknown, instance: string): ProblemDetails {
    if (isLedgerError(exception)) return problemFromError(exception, instance);
    // The database down, restarting or unreachable, wherever it was met (the log, a read model, a
    // pool waiting for a connection): 503 with Retry-After, never a 500. TypeORM wraps the driver's error.
    const driverError = (exception as { driverError?: unknown })?.driverError;
    if (isUnavailable(exception) || (driverError !== undefined && isUnavailable(driverError))) {
      return problemFromError(new StoreUnavailable((exception as Error).message), instance);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'object' && response && 'message' in response ? (response as { message: unknown }).message : response;
      const detail = Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
      return problem(status, httpCode(status), detail, {}, instance);
    }
    const statusCode = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      // Fastify's own request errors: malformed JSON, unsupported media type, body too large.
      return problem(statusCode, httpCode(statusCode), (exception as Error).message, {}, instance);
    }
    return problem(500, 'InternalError', 'The ledger could not complete this request; nothing was written. It has been logged.', {}, instance);
  }
}

function httpCode(status: number): string {
  switch (status) {
    case 400: return 'BadRequest';
    case 401: return 'Unauthenticated';
    case 403: return 'Forbidden';
    case 404: return 'NotFound';
    case 405: return 'MethodNotAllowed';
    case 406: return 'NotAcceptable';
    case 409: return 'Conflict';
    case 412: return 'PreconditionFailed';
    case 413: return 'ContentTooLarge';
    case 415: return 'UnsupportedMediaType';
    case 422: return 'UnprocessableContent';
    case 429: return 'TooManyRequests';
    default: return status >= 500 ? 'InternalError' : 'RequestRefused';
  }
}
