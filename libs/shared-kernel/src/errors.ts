/**
 * Typed errors. A use case returns (or an adapter throws) a LedgerError with a stable `code`;
 * the HTTP layer maps its `kind` to a status once, in problem-details.ts. Nothing else decides
 * status codes.
 */
export type ErrorKind =
  | 'invalid' // 400: the request itself is malformed
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'conflict' // 409: a concurrent change won the race
  | 'precondition-failed' // 412: If-Match named a version that is not the current one
  | 'rule-violated' // 422: well-formed, but the domain refuses it
  | 'rate-limited' // 429
  | 'unavailable'; // 503

export class LedgerError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = code;
  }
}

export const isLedgerError = (value: unknown): value is LedgerError => value instanceof LedgerError;
