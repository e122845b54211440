import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FileSink, type PutObjectInput, S3Sink, type Seal, ZERO_HASH, keyIdOf, rawPublicKey, sealFileName, signSeal } from '#integrity';

/**
 * The sinks outside the ledger's control. S3 cannot be reached from here: the S3 sink is tested
 * against an honest fake of the AWS SDK v3 client's interface (send(command) with the command's
 * input), which behaves as an Object Lock bucket does: it refuses a write without a retention mode
 * and date or without a checksum that matches the body, refuses to overwrite an object when the
 * write says If-None-Match: * (412 PreconditionFailed, as S3 answers), and serves what it holds.
 * What it cannot show: the real service's behaviour, credentials, network and latency.
 */
class FakeObjectLockBucket {
  readonly objects = new Map<string, { body: string; mode: string; retainUntil: Date }>();
  calls: string[] = [];
  constructor(readonly bucket: string) {}

  async send(command: { input: unknown; constructor: { name: string } }): Promise<unknown> {
    const name = command.constructor.name;
    this.calls.push(name);
    const input = command.input as PutObjectInput & { Bucket: string; Key: string };
    if (input.Bucket !== this.bucket) throw Object.assign(new Error('The specified bucket does not exist'), { name: 'NoSuchBucket', $metadata: { httpStatusCode: 404 } });
    if (name === 'GetObjectCommand') {
      const object = this.objects.get(input.Key);
      if (!object) throw Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
      return { Body: { transformToString: async () => object.body } };
    }
    if (!input.ObjectLockMode || !(input.ObjectLockRetainUntilDate instanceof Date)) throw Object.assign(new Error('Object Lock parameters missing'), { name: 'InvalidRequest', $metadata: { httpStatusCode: 400 } });
    if (input.ChecksumSHA256 !== createHash('sha256').update(input.Body).digest('base64')) throw Object.assign(new Error('The checksum does not match'), { name: 'BadDigest', $metadata: { httpStatusCode: 400 } });
    if (this.objects.has(input.Key) && input.IfNoneMatch === '*') throw Object.assign(new Error('At least one of the pre-conditions you specified did not hold'), { name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } });
    if (this.objects.has(input.Key)) throw Object.assign(new Error('object locked'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    this.objects.set(input.Key, { body: input.Body, mode: input.ObjectLockMode, retainUntil: input.ObjectLockRetainUntilDate });
    return {};
  }
}
class PutObjectCommand {
  constructor(readonly input: PutObjectInput) {}
}
class GetObjectCommand {
  constructor(readonly input: { Bucket: string; Key: string }) {}
}

const { privateKey } = generateKeyPairSync('ed25519');
const sealOf = (seq: number, root = 'ab'.repeat(32)): Seal =>
  signSeal(
    { seq, treeSize: seq * 10, eventCount: seq * 10, accessCount: 0, rootHash: root, previousSealHash: ZERO_HASH, sealedAt: '2026-11-29T10:00:00.000Z', keyId: keyIdOf(rawPublicKey(privateKey)) },
    privateKey,
  );

describe('the S3 sink, against an honest fake of an Object Lock bucket', () => {
  const now = new Date('2026-11-29T12:00:00.000Z');

  it('writes each seal once, locked in COMPLIANCE mode for the retention days, with its SHA-256 checksum', async () => {
    const bucket = new FakeObjectLockBucket('ledger-digests');
    const sink = new S3Sink(bucket, { PutObjectCommand, GetObjectCommand }, { bucket: 'ledger-digests', prefix: 'prod/', retentionDays: 2557 }, () => now);
    await sink.publish(sealOf(1));
    expect([...bucket.objects.keys()]).toEqual([`prod/${sealFileName(1)}`]);
    const stored = bucket.objects.get(`prod/${sealFileName(1)}`)!;
    expect(stored).toMatchObject({ mode: 'COMPLIANCE', retainUntil: new Date(now.getTime() + 2557 * 86_400_000) });
    expect(JSON.parse(stored.body)).toEqual(sealOf(1));
  });

  it('takes the same seal again as published (a retry), and refuses another seal under its name', async () => {
    const bucket = new FakeObjectLockBucket('ledger-digests');
    const sink = new S3Sink(bucket, { PutObjectCommand, GetObjectCommand }, { bucket: 'ledger-digests', retentionDays: 1 }, () => now);
    await sink.publish(sealOf(1));
    await sink.publish(sealOf(1));
    expect(bucket.calls).toEqual(['PutObjectCommand', 'PutObjectCommand', 'GetObjectCommand']);
    await expect(sink.publish(sealOf(1, 'cd'.repeat(32)))).rejects.toThrow(/already holds another seal 1: a sink is never overwritten/);
    expect(JSON.parse(bucket.objects.get(sealFileName(1))!.body).rootHash).toBe('ab'.repeat(32));
  });

  it('passes on what the service answers when it cannot write (a missing bucket), so the sealer keeps the seal for the next try', async () => {
    const sink = new S3Sink(new FakeObjectLockBucket('another-bucket'), { PutObjectCommand, GetObjectCommand }, { bucket: 'ledger-digests', retentionDays: 1 }, () => now);
    await expect(sink.publish(sealOf(1))).rejects.toThrow(/bucket does not exist/);
  });
});

describe('the file sink', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sink-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('writes one file a seal, takes a retry of the same seal, and never overwrites another', async () => {
    const sink = new FileSink(dir);
    await sink.publish(sealOf(7));
    await sink.publish(sealOf(7));
    expect(await readdir(dir)).toEqual([sealFileName(7)]);
    expect(JSON.parse(await readFile(join(dir, sealFileName(7)), 'utf8'))).toEqual(sealOf(7));
    await writeFile(join(dir, sealFileName(8)), '{"not":"this seal"}\n');
    await expect(sink.publish(sealOf(8))).rejects.toThrow(/already holds another seal 8/);
  });
});
