import { type ErrorKind, LedgerError } from './errors.js';

/** RFC 9457 problem details, with our stable `code` as an extension member. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  [extension: string]: unknown;
}

export const STATUS_OF_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
  'rule-violated': 422,
  'rate-limited': 429,
  unavailable: 503,
};

const TITLE_OF_STATUS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Problem type URIs are relative to the API and documented in docs/api/problems.md. */
export const problemType = (code: string): string =>
  `/problems/${code.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;

export const titleOfStatus = (status: number): string => TITLE_OF_STATUS[status] ?? 'Error';

export function problemFromError(error: LedgerError, instance?: string): ProblemDetails {
  const status = STATUS_OF_KIND[error.kind];
  return {
    ...error.details,
    type: problemType(error.code),
    title: titleOfStatus(status),
    status,
    detail: error.message,
    code: error.code,
    ...(instance ? { instance } : {}),
  };
}

export function problem(
  status: number,
  code: string,
  detail: string,
  extensions: Record<string, unknown> = {},
  instance?: string,
): ProblemDetails {
  return {
    ...extensions,
    type: problemType(code),
    title: titleOfStatus(status),
    status,
    detail,
    code,
    ...(instance ? { instance } : {}),
  };
}
