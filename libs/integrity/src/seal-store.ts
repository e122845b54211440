import type pg from 'pg';
import type { Checkpoint } from '#event-store';
import { type Hash, type NodeId, foldRange, perfectSubtreesOf, type LeafRange } from './merkle/rfc9162.js';
import { type ReadAccessEntry, SEAL_FORMAT, type Seal } from './seal-format.js';

/** A seal as this database keeps it: the signed head, and where the sealer stopped reading. */
export interface StoredSeal extends Seal {
  /** The event store's checkpoint after the seal's last event. */
  through: Checkpoint;
  /** The last read-access entry sealed (0: none). */
  throughAccessId: number;
}

/** What the sealer writes in one transaction (ledger_seal). */
export interface SealWrite {
  seal: StoredSeal;
  /** Every perfect subtree the seal completed; leaves (level 0) name what they seal. */
  nodes: Array<{ node: NodeId; hash: Hash; ref?: string }>;
}

interface SealRow {
  seq: string;
  tree_size: string;
  event_count: string;
  access_count: string;
  root_hash: string;
  previous_seal_hash: string;
  sealed_at: Date;
  key_id: string;
  public_key: string;
  statement: string;
  signature: string;
  seal_hash: string;
  through_transaction_id: string;
  through_position: string;
  through_access_id: string;
}

const SEAL_COLUMNS = `seq, tree_size, event_count, access_count, root_hash, previous_seal_hash, sealed_at, key_id, public_key, statement, signature,
  seal_hash, through_transaction_id, through_position, through_access_id`;

const toSeal = (r: SealRow): StoredSeal => ({
  format: SEAL_FORMAT,
  seq: Number(r.seq),
  treeSize: Number(r.tree_size),
  eventCount: Number(r.event_count),
  accessCount: Number(r.access_count),
  rootHash: r.root_hash,
  previousSealHash: r.previous_seal_hash,
  sealedAt: r.sealed_at.toISOString(),
  keyId: r.key_id,
  publicKey: r.public_key,
  statement: r.statement,
  signature: r.signature,
  sealHash: r.seal_hash,
  through: { transactionId: r.through_transaction_id, position: Number(r.through_position) },
  throughAccessId: Number(r.through_access_id),
});

interface AccessRow {
  id: string;
  accessed_at: Date;
  person_id: string;
  role: string;
  force: string | null;
  collaboration_id: string | null;
  resource: string;
  route: string;
  correlation_id: string | null;
  client_ip: string | null;
}
const toAccess = (r: AccessRow): ReadAccessEntry => ({
  id: Number(r.id),
  accessedAt: r.accessed_at.toISOString(),
  personId: r.person_id,
  role: r.role,
  force: r.force,
  collaborationId: r.collaboration_id,
  resource: r.resource,
  route: r.route,
  correlationId: r.correlation_id,
  clientIp: r.client_ip,
});

/**
 * The seals, the tree's stored nodes and the read-access log in PostgreSQL (migration 0005). They
 * stay in PostgreSQL whichever store holds the log, like the read models.
 */
export class SealStore {
  constructor(private readonly pool: pg.Pool) {}

  async latest(): Promise<StoredSeal | undefined> {
    const { rows } = await this.pool.query<SealRow>(`SELECT ${SEAL_COLUMNS} FROM seals ORDER BY seq DESC LIMIT 1`);
    return rows[0] ? toSeal(rows[0]) : undefined;
  }

  /** Seals in order, from `fromSeq` (default 1), at most `limit`. */
  async seals(fromSeq = 1, limit = 1000): Promise<StoredSeal[]> {
    const { rows } = await this.pool.query<SealRow>(`SELECT ${SEAL_COLUMNS} FROM seals WHERE seq >= $1 ORDER BY seq LIMIT $2`, [fromSeq, limit]);
    return rows.map(toSeal);
  }

  async bySeq(seq: number): Promise<StoredSeal | undefined> {
    const { rows } = await this.pool.query<SealRow>(`SELECT ${SEAL_COLUMNS} FROM seals WHERE seq = $1`, [seq]);
    return rows[0] ? toSeal(rows[0]) : undefined;
  }

  async byTreeSize(treeSize: number): Promise<StoredSeal | undefined> {
    const { rows } = await this.pool.query<SealRow>(`SELECT ${SEAL_COLUMNS} FROM seals WHERE tree_size = $1`, [treeSize]);
    return rows[0] ? toSeal(rows[0]) : undefined;
  }

  async write({ seal, nodes }: SealWrite): Promise<void> {
    await this.pool.query('SELECT ledger_seal($1::jsonb, $2::smallint[], $3::bigint[], $4::bytea[], $5::text[])', [
      JSON.stringify({
        seq: seal.seq,
        treeSize: seal.treeSize,
        eventCount: seal.eventCount,
        accessCount: seal.accessCount,
        rootHash: seal.rootHash,
        previousSealHash: seal.previousSealHash,
        sealedAt: seal.sealedAt,
        keyId: seal.keyId,
        publicKey: seal.publicKey,
        statement: seal.statement,
        signature: seal.signature,
        sealHash: seal.sealHash,
        throughTransactionId: seal.through.transactionId,
        throughPosition: seal.through.position,
        throughAccessId: seal.throughAccessId,
      }),
      nodes.map((n) => n.node.level),
      nodes.map((n) => n.node.index),
      nodes.map((n) => n.hash),
      nodes.map((n) => n.ref ?? null),
    ]);
  }

  /** Stored perfect subtrees by id; a missing one is absent from the map. */
  async nodes(ids: readonly NodeId[]): Promise<Map<string, Hash>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.pool.query<{ level: number; idx: string; hash: Buffer }>(
      'SELECT n.level, n.idx, n.hash FROM merkle_nodes n JOIN unnest($1::smallint[], $2::bigint[]) AS w(level, idx) ON n.level = w.level AND n.idx = w.idx',
      [ids.map((n) => n.level), ids.map((n) => n.index)],
    );
    return new Map(rows.map((r) => [`${r.level}:${Number(r.idx)}`, r.hash]));
  }

  /** The hashes of these ranges of the tree, from its stored perfect subtrees (a proof's hashes). */
  async rangeHashes(ranges: readonly LeafRange[]): Promise<Hash[]> {
    const parts = ranges.map((range) => perfectSubtreesOf(range));
    const stored = await this.nodes(parts.flat());
    return parts.map((ids) =>
      foldRange(
        ids.map((id) => {
          const hash = stored.get(`${id.level}:${id.index}`);
          if (!hash) throw new Error(`the tree's node ${id.level}:${id.index} is not stored`);
          return hash;
        }),
      ),
    );
  }

  /** Stored leaves [from, to): what the seals signed and what each sealed, for naming the first leaf that no longer matches. */
  async leaves(from: number, to: number): Promise<Map<number, { hash: Hash; ref: string }>> {
    const { rows } = await this.pool.query<{ idx: string; hash: Buffer; ref: string }>('SELECT idx, hash, ref FROM merkle_nodes WHERE level = 0 AND idx >= $1 AND idx < $2', [from, to]);
    return new Map(rows.map((r) => [Number(r.idx), { hash: r.hash, ref: r.ref }]));
  }

  /** The leaf index of what `ref` names (`event:<id>`, `read-access:<id>`), when it is sealed. */
  async leafIndexOf(ref: string): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ idx: string }>('SELECT idx FROM merkle_nodes WHERE ref = $1', [ref]);
    return rows[0] ? Number(rows[0].idx) : undefined;
  }

  /** The first seal whose tree holds leaf `index`. */
  async sealHoldingLeaf(index: number): Promise<StoredSeal | undefined> {
    const { rows } = await this.pool.query<SealRow>(`SELECT ${SEAL_COLUMNS} FROM seals WHERE tree_size > $1 ORDER BY seq LIMIT 1`, [index]);
    return rows[0] ? toSeal(rows[0]) : undefined;
  }

  /** Read-access entries after `afterId`, in id order. */
  async accessAfter(afterId: number, limit: number, filter: { collaborationId?: string; throughId?: number } = {}): Promise<ReadAccessEntry[]> {
    const { rows } = await this.pool.query<AccessRow>(
      `SELECT id, accessed_at, person_id, role, force, collaboration_id::text AS collaboration_id, resource, route, correlation_id, client_ip
         FROM read_access_log WHERE id > $1 AND ($3::uuid IS NULL OR collaboration_id = $3) AND ($4::bigint IS NULL OR id <= $4)
        ORDER BY id LIMIT $2`,
      [afterId, limit, filter.collaborationId ?? null, filter.throughId ?? null],
    );
    return rows.map(toAccess);
  }

  async accessEntry(id: number): Promise<ReadAccessEntry | undefined> {
    return (await this.accessAfter(id - 1, 1)).find((e) => e.id === id);
  }

  async countAccessAfter(afterId: number): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM read_access_log WHERE id > $1', [afterId]);
    return Number(rows[0]!.n);
  }
}
