import 'reflect-metadata';
/**
 * The problem code a request field's validation failure answers with, when it is more telling than
 * ValidationFailed (InvalidPage for limit and offset, InvalidDate for asOf). Read by the API's
 * validation pipe; plain metadata, no framework.
 */
const PROBLEM_CODE = Symbol.for('governance-ledger.problem-code');

export const ProblemCode = (code: string): PropertyDecorator => (target, property) => {
  Reflect.defineMetadata(PROBLEM_CODE, code, target, property);
};

export const problemCodeOf = (target: object | undefined, property: string): string | undefined =>
  target ? (Reflect.getMetadata(PROBLEM_CODE, target, property) as string | undefined) : undefined;
