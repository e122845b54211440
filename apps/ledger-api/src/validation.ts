import { type ArgumentMetadata, type PipeTransform, ValidationPipe, type ValidationError } from '@nestjs/common';
import { LedgerError, problemCodeOf, textProblem } from '#shared-kernel';

interface FieldProblem {
  field: string;
  problems: string[];
  /** A more telling code than ValidationFailed, declared on the field with @ProblemCode. */
  code?: string;
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const code = problemCodeOf(error.target, error.property);
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints), ...(code ? { code } : {}) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Request bodies and query strings are validated against their DTOs; unknown fields and query
 * parameters are refused, not ignored. When every failing field declares the same @ProblemCode,
 * the problem carries it (InvalidPage, InvalidDate); otherwise ValidationFailed.
 */
export const ledgerValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The errors keep their target (the object a failing field belongs to): @ProblemCode is read from it. It is never sent.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const codes = new Set(fields.map((f) => f.code));
      return new LedgerError(
        codes.size === 1 ? ([...codes][0] ?? 'ValidationFailed') : 'ValidationFailed',
        'invalid',
        `The request is not valid: ${fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; ')}. Nothing was written.`,
        { errors: fields },
      );
    },
  });

/** Keys that would reach an object's prototype in some reader of the log, however harmless here. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper than any request of the API (a body's deepest field is three levels down). */
export const MAX_DEPTH = 8;

type Where = 'body' | 'query' | 'param';

const name = (where: Where, path: string) => (path ? path : where);
const describeKey = (key: string) => JSON.stringify(key).slice(0, 60);

/**
 * What the log must never hold, refused for every body, query and path parameter before any DTO
 * sees it: text that PostgreSQL's jsonb cannot store (NUL) or that is not Unicode (a lone
 * surrogate); keys that poison prototypes; nesting deeper than any request needs (a 10,000-deep
 * body must not reach a recursive reader); a query parameter given twice; a body that is not a
 * JSON object. Iterative, so no input can exhaust the stack. Returns the first problem found.
 */
export function inputProblem(value: unknown, where: Where): LedgerError | undefined {
  if (where === 'body' && value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    return new LedgerError('BodyNotAnObject', 'invalid', 'The request body must be a JSON object. Nothing was written.');
  }
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) return new LedgerError('InvalidText', 'invalid', `${name(where, path)} ${problem}. Nothing was written.`, { errors: [{ field: name(where, path), problems: [problem] }] });
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_DEPTH) {
      return new LedgerError('TooDeep', 'invalid', `${name(where, path)} is nested deeper than ${MAX_DEPTH} levels, deeper than any request of this API. Nothing was written.`);
    }
    if (Array.isArray(current)) {
      if (where === 'query' && depth === 1) {
        return new LedgerError('RepeatedParameter', 'invalid', `The query parameter ${path} is given more than once; give it once. Nothing was written.`, { parameter: path });
      }
      current.forEach((item, index) => stack.push({ value: item, path: `${path}[${index}]`, depth: depth + 1 }));
      continue;
    }
    for (const key of Object.keys(current)) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return new LedgerError('ForbiddenKey', 'invalid', `${name(where, path)} has the key ${describeKey(key)}, which no request of this API uses and none may. Nothing was written.`, { field: at });
      const problem = textProblem(key);
      if (problem) return new LedgerError('InvalidText', 'invalid', `A key in ${name(where, path)} ${problem}. Nothing was written.`);
      stack.push({ value: (current as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
  return undefined;
}

/** The first pipe of every route: refuses, before anything else reads it, what no request may hold. */
export class InputHygienePipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const problem = inputProblem(metadata.type === 'query' && metadata.data ? { [metadata.data]: value } : value, metadata.type);
    if (problem) throw problem;
    return value;
  }
}
