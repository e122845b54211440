import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { LedgerError } from '#shared-kernel';

interface FieldProblem {
  field: string;
  problems: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Request bodies are validated against their DTOs; unknown fields are refused, not ignored. */
export const ledgerValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new LedgerError(
        'ValidationFailed',
        'invalid',
        `The request is not valid: ${fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; ')}. Nothing was written.`,
        { errors: fields },
      );
    },
  });
