import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { type CommandContext, LedgerError } from '#shared-kernel';
import type { CommandOutcome } from './decider.js';
import { FORCES, isForceCode } from './reference-data/forces.js';

export const FORCE_CODES = FORCES.map((f) => f.code);

/** If-Match carries the stream version the client decided on: `"3"`, `W/"3"` or `3`. Absent or `*`: any. */
export function versionFromIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined || header === '*') return undefined;
  const value = Array.isArray(header) ? header[0]! : header;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(value.trim());
  if (!match) {
    throw new LedgerError('InvalidIfMatch', 'invalid', `If-Match must be the version you read, as its ETag gave it (for example "3"), not ${JSON.stringify(value)}.`);
  }
  return Number(match[1]);
}

/** 201 with the new version as ETag (send it back as If-Match), and where to read the result. */
export function created(reply: FastifyReply, outcome: CommandOutcome, location: string) {
  void reply.status(201).header('etag', `"${outcome.version}"`).header('location', location);
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

export class OccurredAtDto {
  @ApiPropertyOptional({
    example: '2015-04-01T09:00:00Z',
    description: 'When it happened in the world (ISO 8601). May be in the past (back-dated entries are marked); never in the future. Default: now.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}

export const ETAG_HEADER_DOC = {
  name: 'If-Match',
  required: false,
  description: 'The stream version you decided on (its ETag). A different current version answers 412 and writes nothing.',
};

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
