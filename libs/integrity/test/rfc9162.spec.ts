import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  CompactRange,
  type Hash,
  consistencyProofRanges,
  foldRange,
  inclusionProofRanges,
  leafHash,
  nodeHash,
  perfectSubtreesOf,
  rangeHash,
  rootFromLeafHashes,
  verifyConsistency,
  verifyInclusion,
} from '#integrity';

/**
 * RFC 9162's Merkle tree, checked against the test vectors every RFC 6962/9162 implementation uses
 * (transparency-dev/merkle, proof/verify_test.go: eight leaves, the roots of their prefixes, and
 * known inclusion and consistency proofs), then against mutations of them and random trees.
 */
const h = (hex: string): Hash => Buffer.from(hex, 'hex');
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((hex) => leafHash(h(hex)));
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map(h);
// [leaf index (0-based), tree size, proof]
const INCLUSION: Array<[number, number, string[]]> = [
  [0, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [5, 8, ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [1, 5, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
];
const CONSISTENCY: Array<[number, number, string[]]> = [
  [1, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [6, 8, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 5, ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
  [6, 7, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
];
const hex = (hashes: Hash[]) => hashes.map((x) => x.toString('hex'));
const flipped = (hash: Hash, bit: number) => {
  const copy = Buffer.from(hash);
  copy[0]! ^= 1 << bit;
  return copy;
};

describe('the RFC 9162 Merkle tree', () => {
  it('gives the published root of every prefix of the eight test leaves', () => {
    for (let n = 1; n <= 8; n++) expect(rootFromLeafHashes(LEAVES.slice(0, n)).toString('hex')).toBe(ROOTS[n - 1]!.toString('hex'));
    expect(rootFromLeafHashes([]).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it.each(INCLUSION)('generates and verifies the published inclusion proof of leaf %i in a tree of %i', (index, size, proof) => {
    const generated = inclusionProofRanges(index, size).map((range) => rangeHash(LEAVES, range));
    expect(hex(generated)).toEqual(proof);
    expect(verifyInclusion(index, size, LEAVES[index]!, generated, ROOTS[size - 1]!)).toBe(true);
  });

  it.each(INCLUSION)('refuses every mutation of the inclusion proof of leaf %i in a tree of %i', (index, size, proofHex) => {
    const proof = proofHex.map(h);
    const root = ROOTS[size - 1]!;
    const leaf = LEAVES[index]!;
    const probes: Array<[string, number, number, Hash, Hash[], Hash]> = [
      ['index - 1', index - 1, size, leaf, proof, root],
      ['index + 1', index + 1, size, leaf, proof, root],
      ['index ^ 2', index ^ 2, size, leaf, proof, root],
      ['size * 2', index, size * 2, leaf, proof, root],
      ['size / 2', index, Math.floor(size / 2), leaf, proof, root],
      ['wrong leaf', index, size, leafHash(Buffer.from('WrongLeaf')), proof, root],
      ['wrong root', index, size, leaf, proof, ROOTS[0]!.equals(root) ? ROOTS[1]! : ROOTS[0]!],
      ['trailing root', index, size, leaf, [...proof, root], root],
      ['preceding root', index, size, leaf, [root, ...proof], root],
      ['removed component', index, size, leaf, proof.slice(0, -1), root],
      ...proof.map((_p, i): [string, number, number, Hash, Hash[], Hash] => [`bit flipped in proof[${i}]`, index, size, leaf, proof.map((x, j) => (j === i ? flipped(x, 3) : x)), root]),
    ];
    const accepted = probes.filter(([, i, s, l, p, r]) => verifyInclusion(i, s, l, p, r)).map(([name]) => name);
    expect(accepted).toEqual([]);
  });

  it.each(CONSISTENCY)('generates and verifies the published consistency proof from %i to %i', (first, second, proof) => {
    const generated = consistencyProofRanges(first, second).map((range) => rangeHash(LEAVES, range));
    expect(hex(generated)).toEqual(proof);
    expect(verifyConsistency(first, second, ROOTS[first - 1]!, ROOTS[second - 1]!, generated)).toBe(true);
  });

  it.each(CONSISTENCY)('refuses every mutation of the consistency proof from %i to %i', (first, second, proofHex) => {
    const proof = proofHex.map(h);
    const [r1, r2] = [ROOTS[first - 1]!, ROOTS[second - 1]!];
    const probes: Array<[string, number, number, Hash, Hash, Hash[]]> = [
      ['first - 1', first - 1, second, r1, r2, proof],
      ['first + 1', first + 1, second, r1, r2, proof],
      ['second * 2', first, second * 2, r1, r2, proof],
      ['swapped roots', first, second, r2, r1, proof],
      ['empty proof', first, second, r1, r2, []],
      ['trailing root', first, second, r1, r2, [...proof, r2]],
      ['preceding root', first, second, r1, r2, [r1, ...proof]],
      ['truncated', first, second, r1, r2, proof.slice(0, -1)],
      ...proof.map((_p, i): [string, number, number, Hash, Hash, Hash[]] => [`bit flipped in proof[${i}]`, first, second, r1, r2, proof.map((x, j) => (j === i ? flipped(x, 4) : x))]),
    ];
    const accepted = probes.filter(([, f, s, a, b, p]) => verifyConsistency(f, s, a, b, p)).map(([name]) => name);
    expect(accepted).toEqual([]);
  });

  it('treats the trivial cases as the RFC does: the empty tree is a prefix of any, equal sizes need equal roots', () => {
    expect(verifyConsistency(0, 5, ROOTS[0]!, ROOTS[4]!, [])).toBe(true);
    expect(verifyConsistency(3, 3, ROOTS[2]!, ROOTS[2]!, [])).toBe(true);
    expect(verifyConsistency(3, 3, ROOTS[2]!, ROOTS[3]!, [])).toBe(false);
    expect(verifyConsistency(4, 3, ROOTS[3]!, ROOTS[2]!, [])).toBe(false);
    expect(verifyInclusion(0, 1, LEAVES[0]!, [], ROOTS[0]!)).toBe(true);
    expect(verifyInclusion(1, 1, LEAVES[0]!, [], ROOTS[0]!)).toBe(false);
  });

  it('builds the same tree incrementally (compact range) as all at once, reporting every perfect subtree, for random sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 299 }), (size, cut) => {
        const leaves = Array.from({ length: size }, (_v, i) => leafHash(Buffer.from(`leaf ${i}`)));
        const stored = new Map<string, Hash>();
        const first = new CompactRange();
        const split = Math.min(cut, size);
        for (const leaf of leaves.slice(0, split)) first.append(leaf, (n, hash) => stored.set(`${n.level}:${n.index}`, hash));
        // Resumed from its edge, as the sealer resumes from the stored nodes.
        const resumed = CompactRange.from(split, first.nodes());
        for (const leaf of leaves.slice(split)) resumed.append(leaf, (n, hash) => stored.set(`${n.level}:${n.index}`, hash));
        expect(resumed.root().equals(rootFromLeafHashes(leaves))).toBe(true);
        // Any proof can be served from the stored perfect subtrees alone.
        const index = cut % size;
        const fromNodes = inclusionProofRanges(index, size).map((range) => foldRange(perfectSubtreesOf(range).map((n) => stored.get(`${n.level}:${n.index}`)!)));
        expect(verifyInclusion(index, size, leaves[index]!, fromNodes, resumed.root())).toBe(true);
        if (index > 0 && index < size) {
          const consistency = consistencyProofRanges(index, size).map((range) => foldRange(perfectSubtreesOf(range).map((n) => stored.get(`${n.level}:${n.index}`)!)));
          expect(verifyConsistency(index, size, rootFromLeafHashes(leaves.slice(0, index)), resumed.root(), consistency)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
    expect(nodeHash(LEAVES[0]!, LEAVES[1]!).equals(ROOTS[1]!)).toBe(true);
  });
});
