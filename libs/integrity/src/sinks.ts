import { createHash } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Seal } from './seal-format.js';

/**
 * Places outside the ledger's control where each seal is written as it is made, so that an
 * auditor holds signed heads the operator cannot take back: a rewrite of history afterwards cannot
 * extend them (a consistency proof fails), whoever holds the database and the signing key.
 *
 * Publishing never holds up sealing: a sink that fails is retried at the next tick, from the seal
 * it failed on, and its failures are on /health and /metrics. Every write is idempotent (the same
 * seal again is no change) and none overwrites (a different seal under the same name is refused).
 */
export interface DigestSink {
  /** For logs and metrics, e.g. "file:/srv/ledger-digests" or "s3:ledger-digests/prod/". */
  readonly name: string;
  publish(seal: Seal): Promise<void>;
}

/** The file name of a seal in a sink: sortable, one per seal. */
export const sealFileName = (seq: number) => `seal-${String(seq).padStart(12, '0')}.json`;
export const sealFileContent = (seal: Seal) => `${JSON.stringify(seal, null, 2)}\n`;

/**
 * A directory an auditor collects (a mount the ledger's operator may write to but not change: a
 * WORM share, an rsync target pulled by the auditor). Each seal is one file, created exclusively
 * and flushed to disk before the seal counts as published.
 */
export class FileSink implements DigestSink {
  readonly name: string;
  constructor(private readonly directory: string) {
    this.name = `file:${directory}`;
  }

  async publish(seal: Seal): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const path = join(this.directory, sealFileName(seal.seq));
    const content = sealFileContent(seal);
    let file;
    try {
      file = await open(path, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if ((await readFile(path, 'utf8')) === content) return; // published before: the same seal
      throw new Error(`${path} already holds another seal ${seal.seq}: a sink is never overwritten`);
    }
    try {
      await file.writeFile(content);
      await file.sync();
    } finally {
      await file.close();
    }
  }
}

/**
 * The part of the AWS SDK v3 S3 client the sink uses (`client.send(new PutObjectCommand(…))`), so
 * that a test can hand it an honest fake: S3 cannot be reached from where the tests run.
 */
export interface S3Like {
  send(command: { input: unknown }): Promise<unknown>;
}
export interface S3Commands {
  PutObjectCommand: new (input: PutObjectInput) => { input: PutObjectInput };
  GetObjectCommand: new (input: { Bucket: string; Key: string }) => { input: { Bucket: string; Key: string } };
}
export interface PutObjectInput {
  Bucket: string;
  Key: string;
  Body: string;
  ContentType: string;
  /** S3 Object Lock: COMPLIANCE — nobody, the bucket's owner and root included, can delete or overwrite it before the date. */
  ObjectLockMode: 'COMPLIANCE';
  ObjectLockRetainUntilDate: Date;
  /** Object Lock writes need an integrity checksum; SHA-256 of the body, base64. */
  ChecksumSHA256: string;
  ChecksumAlgorithm: 'SHA256';
  /** Never overwrite: S3's conditional write (412 when the key exists). */
  IfNoneMatch: '*';
}

export interface S3SinkOptions {
  bucket: string;
  /** Key prefix, e.g. "ledger/prod/" (default none). */
  prefix?: string;
  /** How long each seal is locked (Object Lock retention, COMPLIANCE mode). */
  retentionDays: number;
}

/**
 * An S3-compatible bucket with Object Lock enabled (AWS S3, MinIO, Ceph RGW…). Each seal is written
 * once, in COMPLIANCE mode until its retention date, with a SHA-256 checksum, and only if no object
 * has its key. A seal already there with the same content counts as published; another one is an error.
 */
export class S3Sink implements DigestSink {
  readonly name: string;
  constructor(
    private readonly client: S3Like,
    private readonly commands: S3Commands,
    private readonly options: S3SinkOptions,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.name = `s3:${options.bucket}/${options.prefix ?? ''}`;
  }

  async publish(seal: Seal): Promise<void> {
    const Key = `${this.options.prefix ?? ''}${sealFileName(seal.seq)}`;
    const Body = sealFileContent(seal);
    const retainUntil = new Date(this.now().getTime() + this.options.retentionDays * 86_400_000);
    try {
      await this.client.send(
        new this.commands.PutObjectCommand({
          Bucket: this.options.bucket,
          Key,
          Body,
          ContentType: 'application/json',
          ObjectLockMode: 'COMPLIANCE',
          ObjectLockRetainUntilDate: retainUntil,
          ChecksumAlgorithm: 'SHA256',
          ChecksumSHA256: createHash('sha256').update(Body).digest('base64'),
          IfNoneMatch: '*',
        }),
      );
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number }; name?: string }).$metadata?.httpStatusCode;
      if (status !== 412 && (error as { name?: string }).name !== 'PreconditionFailed') throw error;
      // Already there: published before, if it is this very seal.
      const existing = (await this.client.send(new this.commands.GetObjectCommand({ Bucket: this.options.bucket, Key }))) as { Body?: { transformToString(): Promise<string> } };
      if ((await existing.Body?.transformToString()) !== Body) throw new Error(`s3://${this.options.bucket}/${Key} already holds another seal ${seal.seq}: a sink is never overwritten`);
    }
  }
}
