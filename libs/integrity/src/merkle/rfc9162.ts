import { createHash } from 'node:crypto';

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0, §2.1), the same as RFC 6962's: leaf
 * hash SHA-256(0x00 ‖ leaf), node hash SHA-256(0x01 ‖ left ‖ right), the split of n > 1 leaves at
 * the largest power of two below n, inclusion proofs (§2.1.3) and consistency proofs (§2.1.4) with
 * their generation and verification algorithms written as the RFC states them.
 *
 * No maintained JavaScript library builds RFC 9162 trees with both proof kinds (the registry has
 * Ethereum-style trees, sparse trees, and @sigstore/verify, which only checks inclusion inside its
 * own bundle type), so this is written here and checked against the transparency-dev/merkle test
 * vectors (libs/integrity/test/rfc9162.spec.ts). Pure: no I/O.
 */
export type Hash = Buffer;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export const leafHash = (leaf: Uint8Array): Hash => createHash('sha256').update(LEAF_PREFIX).update(leaf).digest();
export const nodeHash = (left: Uint8Array, right: Uint8Array): Hash => createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
/** The hash of the empty tree: SHA-256 of nothing. */
export const emptyTreeHash = (): Hash => createHash('sha256').digest();

/** The largest power of two strictly below n (n > 1). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[n]) from the leaf hashes (not the leaves): §2.1.1. */
export function rootFromLeafHashes(leaves: readonly Hash[]): Hash {
  if (leaves.length === 0) return emptyTreeHash();
  const mth = (from: number, to: number): Hash => {
    if (to - from === 1) return leaves[from]!;
    const k = splitPoint(to - from);
    return nodeHash(mth(from, from + k), mth(from + k, to));
  };
  return mth(0, leaves.length);
}

/** A subtree by the leaves it covers, [start, end): every hash of a proof is one of these. */
export interface LeafRange {
  start: number;
  end: number;
}

/**
 * The subtrees whose hashes make PATH(m, D[n]) (§2.1.3.1), in the proof's order (nearest the leaf
 * first). The caller hashes each range (from stored nodes, or from leaves).
 */
export function inclusionProofRanges(index: number, size: number): LeafRange[] {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) throw new RangeError(`no leaf ${index} in a tree of ${size}`);
  const path = (m: number, from: number, to: number): LeafRange[] => {
    if (to - from <= 1) return [];
    const k = splitPoint(to - from);
    return m < k ? [...path(m, from, from + k), { start: from + k, end: to }] : [...path(m - k, from + k, to), { start: from, end: from + k }];
  };
  return path(index, 0, size);
}

/** The subtrees whose hashes make PROOF(m, D[n]) (§2.1.4.1), 0 < m < n, in the proof's order. */
export function consistencyProofRanges(first: number, second: number): LeafRange[] {
  if (!(Number.isSafeInteger(first) && Number.isSafeInteger(second) && first > 0 && first < second)) throw new RangeError(`no consistency proof from ${first} to ${second}`);
  const subproof = (m: number, from: number, to: number, whole: boolean): LeafRange[] => {
    const n = to - from;
    if (m === n) return whole ? [] : [{ start: from, end: to }];
    const k = splitPoint(n);
    return m <= k
      ? [...subproof(m, from, from + k, whole), { start: from + k, end: to }]
      : [...subproof(m - k, from + k, to, false), { start: from, end: from + k }];
  };
  return subproof(first, 0, second, true);
}

/** The hash of a range from the tree's leaf hashes: the generation side, for small trees and tests. */
export const rangeHash = (leaves: readonly Hash[], range: LeafRange): Hash => rootFromLeafHashes(leaves.slice(range.start, range.end));

/**
 * §2.1.3.2: whether `path` proves leaf `index` (with hash `leaf`) in the tree of `size` leaves whose
 * root is `root`. Returns false for anything malformed; never throws.
 */
export function verifyInclusion(index: number, size: number, leaf: Hash, path: readonly Hash[], root: Hash): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  if (leaf.length !== 32 || root.length !== 32 || path.some((p) => p.length !== 32)) return false;
  // fn and sn as BigInt: the RFC's shifts are on 64-bit integers, beyond 2^31 for large logs.
  let fn = BigInt(index);
  let sn = BigInt(size - 1);
  let r = leaf;
  for (const p of path) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && r.equals(root);
}

/**
 * §2.1.4.2: whether `path` proves that the tree of `first` leaves with root `firstRoot` is a prefix
 * of the tree of `second` leaves with root `secondRoot`. Equal sizes need an empty proof and equal
 * roots; the empty tree is a prefix of every tree. Returns false for anything malformed.
 */
export function verifyConsistency(first: number, second: number, firstRoot: Hash, secondRoot: Hash, path: readonly Hash[]): boolean {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || second < first) return false;
  if (path.some((p) => p.length !== 32)) return false;
  if (first === 0) return path.length === 0;
  if (first === second) return path.length === 0 && firstRoot.equals(secondRoot);
  if (path.length === 0) return false;
  const proof = isPowerOfTwo(first) ? [firstRoot, ...path] : [...path];
  let fn = BigInt(first - 1);
  let sn = BigInt(second - 1);
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = proof[0]!;
  let sr = proof[0]!;
  for (const c of proof.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && fr.equals(firstRoot) && sr.equals(secondRoot);
}

// BigInt: JavaScript's bit operators stop at 32 bits.
const isPowerOfTwo = (n: number) => n > 0 && (BigInt(n) & (BigInt(n) - 1n)) === 0n;

/** A perfect subtree: level L, index i covers leaves [i·2^L, (i+1)·2^L). The store keeps these. */
export interface NodeId {
  level: number;
  index: number;
}

/**
 * The perfect subtrees that make up a range, left to right: a range of the proofs above is either
 * perfect itself, or the right edge of a tree [start, end) whose hash folds these from the right.
 */
export function perfectSubtreesOf(range: LeafRange): NodeId[] {
  const nodes: NodeId[] = [];
  let start = range.start;
  while (start < range.end) {
    // The largest aligned power of two that starts here and fits.
    let level = 0;
    while (start % 2 ** (level + 1) === 0 && start + 2 ** (level + 1) <= range.end) level++;
    nodes.push({ level, index: start / 2 ** level });
    start += 2 ** level;
  }
  return nodes;
}

/** A range's hash from its perfect subtrees' hashes (perfectSubtreesOf's order): fold from the right. */
export function foldRange(hashes: readonly Hash[]): Hash {
  if (hashes.length === 0) throw new RangeError('an empty range has no hash');
  let h = hashes.at(-1)!;
  for (let i = hashes.length - 2; i >= 0; i--) h = nodeHash(hashes[i]!, h);
  return h;
}

/**
 * The right edge of a growing tree (a "compact range" from 0): one perfect subtree per set bit of
 * its size. Appending leaves completes subtrees, which are reported so they can be stored; the root
 * is the fold of the edge. O(log n) memory however long the log: this is how the sealer extends the
 * tree and how verify recomputes it in one pass.
 */
export class CompactRange {
  /** Perfect subtrees, largest first: the binary decomposition of `size`. */
  private edge: Array<{ level: number; hash: Hash }> = [];
  size = 0;

  static from(size: number, edge: ReadonlyArray<{ level: number; hash: Hash }>): CompactRange {
    const range = new CompactRange();
    const expected = perfectSubtreesOf({ start: 0, end: size }).map((n) => n.level);
    if (expected.length !== edge.length || expected.some((level, i) => edge[i]!.level !== level)) throw new RangeError(`the edge given does not match a tree of ${size}`);
    range.edge = edge.map((e) => ({ ...e }));
    range.size = size;
    return range;
  }

  /** Adds one leaf hash; `onNode` hears of each perfect subtree completed (the leaf itself included, at level 0). */
  append(leaf: Hash, onNode?: (node: NodeId, hash: Hash) => void): void {
    let hash = leaf;
    let level = 0;
    let index = this.size;
    onNode?.({ level, index }, hash);
    while (this.edge.length > 0 && this.edge.at(-1)!.level === level) {
      hash = nodeHash(this.edge.pop()!.hash, hash);
      level++;
      index = Math.floor(index / 2);
      onNode?.({ level, index }, hash);
    }
    this.edge.push({ level, hash });
    this.size++;
  }

  root(): Hash {
    return this.edge.length === 0 ? emptyTreeHash() : foldRange(this.edge.map((e) => e.hash));
  }

  /** The edge as stored subtrees: what `from` takes back. */
  nodes(): Array<{ level: number; hash: Hash }> {
    return this.edge.map((e) => ({ ...e }));
  }
}
