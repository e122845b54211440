import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateBy, ValidateNested } from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { type CommandContext, LedgerError, ProblemCode, calendarDateProblem, instantProblem, titleOfStatus } from '#shared-kernel';
import type { CommandOutcome } from './command-runner.js';
import { FORCES, isForceCode } from './reference-data/forces.js';
import { POLICING_BODY_KINDS } from './reference-data/policing-bodies.js';

export const FORCE_CODES = FORCES.map((f) => f.code);

export class AppendedEvent {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 'AgreementSigned' })
  type!: string;

  @ApiProperty({ example: 1234, description: 'Its position in the global log: name it in Ledger-Read-After to read your own write from a read model' })
  globalPosition!: number;
}

/** The answer to every command: the stream's new version (send it back as If-Match) and what was appended. */
export class CommandAccepted {
  @ApiProperty({ example: 'collaboration-6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b' })
  streamId!: string;

  @ApiProperty({ example: 3 })
  version!: number;

  @ApiProperty({ type: [AppendedEvent] })
  events!: AppendedEvent[];
}

/** RFC 9457 problem details, as every error is answered. */
export class ProblemDetailsDto {
  @ApiProperty({ example: '/problems/signer-not-office-holder' })
  type!: string;

  @ApiProperty({ example: 'Unprocessable Content' })
  title!: string;

  @ApiProperty({ example: 422 })
  status!: number;

  @ApiProperty({ example: 'Chief Constable A did not hold the chief-officer office of kent on 2015-04-01. Nothing was written.' })
  detail!: string;

  @ApiProperty({ example: 'SignerNotOfficeHolder', description: 'Stable code, listed in docs/api/problems.md' })
  code!: string;

  @ApiPropertyOptional({ example: '/collaborations/6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b/signatures' })
  instance?: string;
}

/** What a 503 means on any route; Overloaded can answer every route but health and metrics. */
export const PROBLEM_MEANINGS_503 = 'The ledger cannot answer now (overloaded, database unavailable, read model behind); nothing was written; Retry-After says when to try again';

const PROBLEM_MEANINGS: Record<number, string> = {
  400: 'The request is malformed (a field, a date, an id, a query parameter); nothing was written',
  401: 'No valid bearer token',
  403: 'The access policy refuses this act for you (code names the rule); nothing was written',
  404: 'What the request names does not exist (at that date)',
  409: 'A concurrent change won the race; reload and decide again; nothing was written',
  412: 'If-Match named a version that is not the current one; nothing was written',
  422: 'Well-formed, but a domain rule refuses it (code names the rule); nothing was written',
  429: 'Too many writes a minute; Retry-After says when to try again',
  503: PROBLEM_MEANINGS_503,
};

/** Documents the problem details a route may answer with. */
export const ApiProblems = (...statuses: number[]) =>
  applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: `${titleOfStatus(status)}: ${PROBLEM_MEANINGS[status] ?? 'see docs/api/problems.md'}`,
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
      }),
    ),
  );

/** 201 with the new version as ETag (send it back as If-Match), and where to read the result. */
export function created(reply: FastifyReply, outcome: CommandOutcome, location: string): CommandAccepted {
  void reply.status(201).header('etag', `"${outcome.version}"`).header('location', location);
  if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
  return { streamId: outcome.streamId, version: outcome.version, events: outcome.events };
}

export function knownForce(code: string): string {
  if (!isForceCode(code)) throw new LedgerError('ForceNotFound', 'not-found', `There is no force "${code}" in the national register.`, { forceCode: code });
  return code;
}

/** A date-time the client gives for when something happened; the ledger's own clock is used when absent. */
export const occurredAtOr = (value: string | undefined, receivedAt: Date) => (value ? new Date(value) : receivedAt);

export class PersonDto {
  @ApiProperty({ example: 'p-0042', description: 'The person’s stable id (as in your identity provider)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  personId!: string;

  @ApiProperty({ example: 'Chief Constable Jane Example (illustrative)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

/**
 * An instant: an RFC 3339 date-time with its offset, to the millisecond (libs/shared-kernel/src/rfc3339.ts).
 * The only form of time the ledger records; every other ISO 8601 form is refused with the reason.
 */
export const IsInstant = () =>
  ValidateBy({ name: 'isInstant', validator: { validate: (value) => instantProblem(value) === undefined, defaultMessage: (args) => `${args?.property} ${instantProblem(args?.value)}` } });

/** A calendar date: an RFC 3339 full-date (YYYY-MM-DD) that exists. */
export const IsCalendarDate = () =>
  ValidateBy({ name: 'isCalendarDate', validator: { validate: (value) => calendarDateProblem(value) === undefined, defaultMessage: (args) => `${args?.property} ${calendarDateProblem(args?.value)}` } });

/**
 * A nested object of the given class: present (unless optional), an object — never an array,
 * which class-validator's @ValidateNested alone would accept as an empty list of them — and valid.
 */
export const Nested = (type: () => new () => object, options: { optional?: boolean } = {}) =>
  applyDecorators(...(options.optional ? [IsOptional()] : [IsDefined()]), IsObject(), ValidateNested(), Type(type));

/** A list of `min`–`max` nested objects of the given class, each an object (not an array, not null) and valid. */
export const NestedList = (type: () => new () => object, { min, max }: { min: number; max: number }) =>
  applyDecorators(IsArray(), ArrayMinSize(min), ArrayMaxSize(max), IsObject({ each: true }), ValidateNested({ each: true }), Type(type));

/** The person who acted, as a registrar names them when entering history on their behalf. */
export class EntryActorDto extends PersonDto {
  @ApiProperty({ enum: ['chief-officer', 'policing-body', 'collaboration-manager'], description: 'The role they acted in' })
  @IsIn(['chief-officer', 'policing-body', 'collaboration-manager'])
  role!: 'chief-officer' | 'policing-body' | 'collaboration-manager';

  @ApiProperty({ example: 'kent', description: 'The force they acted for' })
  @IsIn(FORCE_CODES)
  force!: string;
}

/** History entered by a registrar: who acted, and the record it is entered from (docs/domain-rules.md, "Back-dating"). */
export class EntryDto {
  @ApiPropertyOptional({ type: EntryActorDto, description: 'Who acted; absent when the act is the registrar’s own (an appointment, a national body’s act)' })
  @Nested(() => EntryActorDto, { optional: true })
  actor?: EntryActorDto;

  @ApiProperty({
    example: 'Kent and Essex s22A agreement, signed copy held by the Kent OPCC (ref. K/E/2015/01), read 2026-11-20',
    maxLength: 500,
    description: 'The record the act is entered from: a document and its reference, or a public page’s address and the date it was read',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source!: string;
}

export class OccurredAtDto {
  @ApiPropertyOptional({
    example: '2015-04-01T09:00:00Z',
    format: 'date-time',
    description:
      'When it happened in the world: an RFC 3339 date-time with offset, to the millisecond at most. Never in the future. Default: now. ' +
      'May be back-dated by at most BACKDATING_WINDOW_DAYS (default 30; back-dated entries are marked with their lateness); older history is entered by a registrar with `entry`.',
  })
  @IsOptional()
  @IsInstant()
  occurredAt?: string;

  @ApiPropertyOptional({
    type: EntryDto,
    description: 'Registrars only: history entered on behalf of the person who acted, from a named record. Allows an act older than the back-dating window, or of someone who has since left office.',
  })
  @Nested(() => EntryDto, { optional: true })
  entry?: EntryDto;
}

export function knownOffice(office: string): 'chief-officer' | 'policing-body' {
  if (office !== 'chief-officer' && office !== 'policing-body') {
    throw new LedgerError('OfficeNotFound', 'not-found', `A force has two offices here, chief-officer and policing-body; not "${office}".`);
  }
  return office;
}

export class PartyRequest extends OccurredAtDto {
  @ApiProperty({ example: 'wiltshire', description: 'The party force acted for: your own force (area)' })
  @IsIn(FORCE_CODES)
  party!: string;
}

/** The signing office and person: the principal, as chief officer or policing body of their force. */
export const signatoryOf = (context: CommandContext) => ({
  role: context.principal.role as 'chief-officer' | 'policing-body',
  signatory: { personId: context.principal.personId, name: context.principal.name },
});

/** An officer acting for their own force: the party is the principal's force, the signatory the principal. */
export const actingForOwnForce = (context: CommandContext) => ({ party: context.principal.force!, ...signatoryOf(context) });

/** A required, non-empty free-text field of at most `max` characters, with its OpenAPI example. */
export const TextField = (example: string, max = 4000) => applyDecorators(ApiProperty({ example, maxLength: max }), IsString(), IsNotEmpty(), MaxLength(max));

/**
 * A whole number in a query string, written in decimal digits only: `0x10`, `1e3`, ` 7` and
 * `99999999999999999999` are not read as numbers (they become NaN, which the field's @IsInt refuses).
 */
export const WholeNumberParameter = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (/^(0|[1-9]\d{0,14})$/.test(value) ? Number(value) : Number.NaN) : value));

/** ?limit= and ?offset= of every list: 1–200 items a page (default 50), from the offset'th. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @WholeNumberParameter()
  @IsInt({ message: 'limit must be a whole number from 1 to 200' })
  @Min(1, { message: 'limit must be from 1 to 200' })
  @Max(200, { message: 'limit must be from 1 to 200' })
  @ProblemCode('InvalidPage')
  limit: number = 50;

  @ApiPropertyOptional({ minimum: 0, maximum: 1_000_000, default: 0 })
  @IsOptional()
  @WholeNumberParameter()
  @IsInt({ message: 'offset must be a whole number from 0 to 1000000' })
  @Min(0, { message: 'offset must not be negative' })
  @Max(1_000_000, { message: 'offset must be at most 1000000' })
  @ProblemCode('InvalidPage')
  offset: number = 0;
}

/** ?asOf= (occurred time) and ?knownAt= (recorded time): read as the record stood, and as it was known, then. */
export class HistoryQuery {
  @ApiPropertyOptional({ description: 'Only what had happened by then (occurred time); a date alone means the end of that day (UTC)', example: '2019-04-01' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @ProblemCode('InvalidDate')
  asOf?: string;

  @ApiPropertyOptional({ description: 'Only what the ledger had recorded by then (recorded time)', example: '2019-04-01T12:00:00Z' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @ProblemCode('InvalidDate')
  knownAt?: string;
}

/** `body` of an appointment, handover or acting designation: the policing body the holder holds office in (optional). */
export const PolicingBodyField = () =>
  applyDecorators(
    ApiPropertyOptional({
      enum: POLICING_BODY_KINDS,
      example: 'pcc',
      description:
        'Policing-body office only: the body the holder holds office in. It must have been the force’s policing body on the date (GET /forces/{forceCode}/policing-bodies); absent, the one that was.',
    }),
    IsOptional(),
    IsIn(POLICING_BODY_KINDS),
  );
