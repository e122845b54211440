import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { LedgerError, problemCodeOf } from '#shared-kernel';

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
