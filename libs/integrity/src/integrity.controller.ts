import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ApiProblems, WholeNumberParameter } from '#governance';
import { type Action, Authorise, Public } from '#identity';
import { LedgerError, ProblemCode, isUuid } from '#shared-kernel';
import { type ProofError, type ProofService, publicSeal } from './proofs.js';
import { READ_RAW_EVENTS, RawEvent } from './raw-events.controller.js';
import { PROOF_SERVICE, SEAL_KEYRING, SEALER } from './integrity.tokens.js';
import type { SealKeyring } from './seal-keys.js';
import type { Sealer } from './sealer.js';

/** The read-access log tells who looked at what: auditors only. */
export const READ_ACCESS_LOG: Action = { name: 'read-access-log', kind: 'audit', roles: ['auditor'] };

const WHOLE = { minimum: 1, maximum: Number.MAX_SAFE_INTEGER };

export class SealView {
  @ApiProperty({ example: 'ledger-seal-v1' }) format!: string;
  @ApiProperty({ description: 'The seal’s number: 1, 2, 3…' }) seq!: number;
  @ApiProperty({ description: 'Leaves in the tree: eventCount + accessCount' }) treeSize!: number;
  @ApiProperty({ description: 'The log’s first eventCount events, in its gap-free order, are in the tree' }) eventCount!: number;
  @ApiProperty({ description: 'The read-access log’s first accessCount entries are in the tree' }) accessCount!: number;
  @ApiProperty({ description: 'RFC 9162 root of the tree, 64 hex digits' }) rootHash!: string;
  @ApiProperty({ description: 'The sealHash of the seal before (64 zeros for the first): seals chain' }) previousSealHash!: string;
  @ApiProperty({ type: String, format: 'date-time' }) sealedAt!: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the signing key’s raw 32-byte Ed25519 public key' }) keyId!: string;
  @ApiProperty({ description: 'The exact text signed: the nine lines of docs/integrity.md, "ledger-seal-v1"' }) statement!: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the statement' }) sealHash!: string;
  @ApiProperty({ description: 'Ed25519 signature over the statement, base64' }) signature!: string;
  @ApiProperty({ description: 'The signer’s raw Ed25519 public key, base64: check keyId against a key you trust' }) publicKey!: string;
}

export class SealKeyView {
  @ApiProperty({ example: 'ledger-seal-key-v1' }) format!: string;
  @ApiProperty({ example: 'Ed25519' }) algorithm!: string;
  @ApiProperty() keyId!: string;
  @ApiProperty({ description: 'Raw 32-byte public key, base64' }) publicKey!: string;
  @ApiProperty({ description: 'SubjectPublicKeyInfo PEM, for openssl' }) pem!: string;
}

export class KeyRotationView {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: String, format: 'date-time' }) rotatedAt!: string;
  @ApiProperty({ description: '"ledger-key-rotation-v1", from, to, rotatedAt, joined by line feeds' }) statement!: string;
  @ApiProperty({ description: 'Ed25519 signature by the previous key (from) over the statement, base64' }) signature!: string;
}

export class SealKeysView {
  @ApiProperty({ description: 'The key that signs new seals' }) current!: string;
  @ApiProperty({ type: [SealKeyView], description: 'Every key the ledger has signed with' }) keys!: SealKeyView[];
  @ApiProperty({ type: [KeyRotationView], description: 'Each hand-over to a new key, signed by the key before' }) rotations!: KeyRotationView[];
}

export class SealsQuery {
  @ApiPropertyOptional({ ...WHOLE, default: 1, description: 'The first seal to list' })
  @IsOptional()
  @WholeNumberParameter()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  @ProblemCode('InvalidPage')
  fromSeq: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @WholeNumberParameter()
  @IsInt()
  @Min(1)
  @Max(1000)
  @ProblemCode('InvalidPage')
  limit: number = 100;
}

export class SealsPage {
  @ApiProperty({ type: [SealView] }) items!: SealView[];
  @ApiProperty({ type: Number, nullable: true, description: 'Send as fromSeq for the next page; null at the end' }) nextFromSeq!: number | null;
}

export class ConsistencyQuery {
  @ApiProperty({ ...WHOLE, description: 'The tree size of the earlier seal (the digest you hold)' })
  @WholeNumberParameter()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  @ProblemCode('InvalidTreeSize')
  from!: number;

  @ApiProperty({ ...WHOLE, description: 'The tree size of the later seal (e.g. the latest digest’s)' })
  @WholeNumberParameter()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  @ProblemCode('InvalidTreeSize')
  to!: number;
}

export class ConsistencyProofView {
  @ApiProperty({ example: 'ledger-consistency-proof-v1' }) format!: string;
  @ApiProperty({ type: SealView }) from!: SealView;
  @ApiProperty({ type: SealView }) to!: SealView;
  @ApiProperty({ type: [String], description: 'RFC 9162 §2.1.4 consistency path, hex; empty when the sizes are equal' }) proof!: string[];
}

export class ProofQuery {
  @ApiPropertyOptional({ ...WHOLE, description: 'Prove to the seal of this tree size (default: the latest seal)' })
  @IsOptional()
  @WholeNumberParameter()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  @ProblemCode('InvalidTreeSize')
  treeSize?: number;
}

export class ReadAccessEntryView {
  @ApiProperty() id!: number;
  @ApiProperty({ type: String, format: 'date-time' }) accessedAt!: string;
  @ApiProperty() personId!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ type: String, nullable: true }) force!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) collaborationId!: string | null;
  @ApiProperty({ example: 'GET /collaborations/6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b/timeline' }) resource!: string;
  @ApiProperty({ example: '/collaborations/:collaborationId/timeline' }) route!: string;
  @ApiProperty({ type: String, nullable: true }) correlationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) clientIp!: string | null;
}

export class InclusionProofView {
  @ApiProperty({ example: 'ledger-inclusion-proof-v1' }) format!: string;
  @ApiProperty({ description: 'The leaf’s index in the tree, from 0' }) leafIndex!: number;
  @ApiProperty() treeSize!: number;
  @ApiProperty({ description: 'The leaf’s input: "ledger-leaf-v1", "event", the event’s hash, joined by line feeds' }) leafInput!: string;
  @ApiProperty({ description: 'SHA-256(0x00 ‖ leafInput), hex' }) leafHash!: string;
  @ApiProperty({ type: [String], description: 'RFC 9162 §2.1.3 audit path, nearest the leaf first, hex' }) auditPath!: string[];
  @ApiProperty({ type: SealView, description: 'The signed tree head the path leads to' }) seal!: SealView;
  @ApiPropertyOptional({ type: RawEvent, description: 'The event, every stored field: recompute its hash from them (docs/integrity.md)' }) event?: RawEvent;
  @ApiPropertyOptional({ type: ReadAccessEntryView }) readAccess?: ReadAccessEntryView;
}

export class ReadAccessQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only reads of this collaboration’s data' })
  @IsOptional()
  @IsUUID()
  @ProblemCode('InvalidId')
  collaborationId?: string;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'Entries after this id (the `next` of the page before)' })
  @IsOptional()
  @WholeNumberParameter()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  @ProblemCode('InvalidCursor')
  after: number = 0;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @WholeNumberParameter()
  @IsInt()
  @Min(1)
  @Max(1000)
  @ProblemCode('InvalidPage')
  limit: number = 100;
}

export class ReadAccessPage {
  @ApiProperty({ type: [ReadAccessEntryView] }) items!: ReadAccessEntryView[];
  @ApiProperty({ description: 'Send as `after` for the next page' }) next!: number;
  @ApiProperty({ description: 'True when the page was not full' }) end!: boolean;
}

/** ProofService's refusals as problems. */
function asProblem(error: unknown): unknown {
  const e = error as ProofError;
  switch (e.reason) {
    case 'not-found':
      return new LedgerError('EventNotFound', 'not-found', e.message);
    case 'not-sealed':
      return new LedgerError('NotSealedYet', 'conflict', `${e.message} Seals are made every SEAL_INTERVAL_SECONDS, or at once with \`npm run ledger -- seal\`.`, { retryAfterSeconds: 5 });
    case 'unknown-head':
      return new LedgerError('UnknownTreeHead', 'not-found', `${e.message} Name the treeSize of a seal (GET /integrity/seals).`);
    case 'head-too-small':
      return new LedgerError('TreeHeadTooEarly', 'invalid', e.message);
    case 'bad-range':
      return new LedgerError('InvalidTreeSize', 'invalid', e.message);
    default:
      return error;
  }
}

/**
 * What anyone may check the ledger against, and what auditors prove with. Public: the signed tree
 * heads (digest, seals), the public keys and consistency proofs — hashes and sizes, never content;
 * the more widely a digest is held, the harder history is to rewrite. Auditors and registrars:
 * inclusion proofs, which carry the event's every stored field. Auditors only: the read-access log.
 */
@ApiTags('integrity')
@Controller()
export class IntegrityController {
  constructor(
    @Inject(SEALER) private readonly sealer: Sealer,
    @Inject(PROOF_SERVICE) private readonly proofs: ProofService,
    @Inject(SEAL_KEYRING) private readonly keys: SealKeyring,
  ) {}

  @Get('integrity/digest')
  @Public()
  @ApiOperation({ summary: 'The latest signed tree head (seal): keep it, and check later that the ledger still extends it (GET /integrity/consistency)' })
  @ApiOkResponse({ type: SealView })
  @ApiProblems(404)
  async digest(): Promise<SealView> {
    const latest = await this.sealer.seals.latest();
    if (!latest) throw new LedgerError('NothingSealedYet', 'not-found', 'Nothing is sealed yet: seals are made every SEAL_INTERVAL_SECONDS once something is recorded.');
    return publicSeal(latest);
  }

  @Get('integrity/public-key')
  @Public()
  @ApiOperation({ summary: 'The Ed25519 public keys the seals are signed with, and each rotation signed by the key before' })
  @ApiOkResponse({ type: SealKeysView })
  publicKey(): SealKeysView {
    return {
      current: this.keys.currentKeyId,
      keys: this.keys.publicKeys(),
      rotations: this.keys.rotations.map(({ from, to, rotatedAt, statement, signature }) => ({ from, to, rotatedAt, statement, signature })),
    };
  }

  @Get('integrity/seals')
  @Public()
  @ApiOperation({ summary: 'The seals in order, each signed and naming the one before' })
  @ApiOkResponse({ type: SealsPage })
  @ApiProblems(400)
  async seals(@Query() query: SealsQuery): Promise<SealsPage> {
    const page = await this.sealer.seals.seals(query.fromSeq, query.limit + 1);
    const items = page.slice(0, query.limit).map(publicSeal);
    return { items, nextFromSeq: page.length > query.limit ? items.at(-1)!.seq + 1 : null };
  }

  @Get('integrity/consistency')
  @Public()
  @ApiOperation({ summary: 'RFC 9162 consistency proof that the tree of the seal of size `to` extends the tree of the seal of size `from`' })
  @ApiOkResponse({ type: ConsistencyProofView })
  @ApiProblems(400, 404)
  async consistency(@Query() query: ConsistencyQuery): Promise<ConsistencyProofView> {
    if (query.from > query.to) throw new LedgerError('InvalidTreeSize', 'invalid', `from (${query.from}) must not be larger than to (${query.to}).`);
    return this.proofs.consistency(query.from, query.to).catch((error: unknown) => Promise.reject(asProblem(error)));
  }

  @Get('events/:eventId/proof')
  @Authorise(READ_RAW_EVENTS)
  @ApiBearerAuth()
  @ApiParam({ name: 'eventId', format: 'uuid' })
  @ApiOperation({ summary: 'The event with every stored field, and the RFC 9162 inclusion proof of it to a signed tree head (auditors and registrars)' })
  @ApiOkResponse({ type: InclusionProofView })
  @ApiProblems(400, 401, 403, 404, 409)
  async proof(@Param('eventId') eventId: string, @Query() query: ProofQuery): Promise<InclusionProofView> {
    if (!isUuid(eventId)) throw new LedgerError('InvalidId', 'invalid', `eventId must be a UUID, not ${JSON.stringify(eventId)}.`);
    return (await this.proofs.forEvent(eventId.toLowerCase(), query.treeSize).catch((error: unknown) => Promise.reject(asProblem(error)))) as InclusionProofView;
  }

  @Get('read-access')
  @Authorise(READ_ACCESS_LOG)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who read which collaboration’s restricted data, when, through which route (auditors); each entry is sealed like an event' })
  @ApiOkResponse({ type: ReadAccessPage })
  @ApiProblems(400, 401, 403)
  async readAccess(@Query() query: ReadAccessQuery): Promise<ReadAccessPage> {
    const items = await this.sealer.seals.accessAfter(query.after, query.limit, { collaborationId: query.collaborationId });
    return { items, next: items.at(-1)?.id ?? query.after, end: items.length < query.limit };
  }
}
