/**
 * The one contract every Uploader passes — FTP, FTPS, SFTP, the local folder and the test fake —
 * so services can rely on the port and the fake cannot drift from the real adapters. Outcomes are
 * read behind the uploader's back (the server's disk, or the fake's memory).
 */
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadSource, Uploader } from '../../../src/delivery/ports.js';
import { AppError } from '../../../src/shared/errors.js';

export interface ContractSubject {
  /** A fresh, unconnected uploader. */
  uploader(): Uploader;
  /** A writable folder for the suite, as the uploader names it; each test works below it. */
  base: string;
  /** The bytes at a remote path as stored by the server, or undefined when absent. */
  read(path: string): Promise<Buffer | undefined>;
  /** An existing folder the uploader may not write into, when the subject can make one. */
  readOnlyDir?: string;
  teardown(): Promise<void>;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** An UploadSource over a buffer, in 64 KiB chunks like a file stream. */
export function bufferSource(bytes: Buffer): UploadSource {
  return {
    size: bytes.length,
    open: (offset) => {
      const chunks: Buffer[] = [];
      for (let at = offset; at < bytes.length; at += 65_536) {
        chunks.push(bytes.subarray(at, Math.min(at + 65_536, bytes.length)));
      }
      return Readable.from(chunks);
    },
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
  return 'resolved';
}

export function describeUploaderContract(
  name: string,
  setup: () => Promise<ContractSubject>,
): void {
  describe(`Uploader contract: ${name}`, () => {
    let subject: ContractSubject;
    let up: Uploader;
    let counter = 0;
    const dir = (): string => `${subject.base}/case-${String(counter)}`;

    beforeAll(async () => {
      subject = await setup();
    });
    afterAll(async () => {
      await subject.teardown();
    });

    async function fresh(): Promise<string> {
      counter += 1;
      up = subject.uploader();
      await up.connect();
      await up.ensureDir(dir());
      return dir();
    }

    async function done(): Promise<void> {
      await up.close();
    }

    it('connects, reports the server and closes twice without complaint', async () => {
      await fresh();
      const other = subject.uploader();
      const info = await other.connect();
      expect(info.banner.length).toBeGreaterThan(0);
      await other.close();
      await other.close();
      await done();
    });

    it('creates nested folders and accepts existing ones', async () => {
      const at = await fresh();
      await up.ensureDir(`${at}/a/b/c`);
      await up.ensureDir(`${at}/a/b/c`);
      expect(await up.stat(`${at}/a/b/c`)).toEqual({ kind: 'directory', size: 0 });
      await done();
    });

    it('stats missing paths, files and folders', async () => {
      const at = await fresh();
      expect(await up.stat(`${at}/nothing.bin`)).toBeUndefined();
      await up.upload(`${at}/f.bin`, bufferSource(Buffer.from('12345')), { offset: 0 });
      expect(await up.stat(`${at}/f.bin`)).toEqual({ kind: 'file', size: 5 });
      expect((await up.stat(at))?.kind).toBe('directory');
      await done();
    });

    it('uploads bytes that arrive identical and verifies them', async () => {
      const at = await fresh();
      const bytes = randomBytes(1024 * 1024 + 7);
      const result = await up.upload(`${at}/v.rar`, bufferSource(bytes), { offset: 0 });
      expect(result.bytes).toBe(bytes.length);
      expect(sha256((await subject.read(`${at}/v.rar`))!)).toBe(sha256(bytes));
      const report = await up.verify(`${at}/v.rar`, {
        size: bytes.length,
        crc32: () => Promise.resolve(crc32(bytes)),
      });
      expect(report.size).toBe(bytes.length);
      await done();
    });

    it('resumes at an offset, keeping the bytes already there', async () => {
      const at = await fresh();
      const bytes = randomBytes(700_001);
      const cut = 300_001;
      await up.upload(`${at}/r.r00`, bufferSource(bytes.subarray(0, cut)), { offset: 0 });
      const result = await up.upload(`${at}/r.r00`, bufferSource(bytes), { offset: cut });
      expect(result.bytes).toBe(bytes.length - cut);
      expect(sha256((await subject.read(`${at}/r.r00`))!)).toBe(sha256(bytes));
      await done();
    });

    it('replaces a longer file when writing from offset 0', async () => {
      const at = await fresh();
      await up.upload(`${at}/x.nfo`, bufferSource(randomBytes(50_000)), { offset: 0 });
      const shorter = randomBytes(1_000);
      await up.upload(`${at}/x.nfo`, bufferSource(shorter), { offset: 0 });
      expect(await subject.read(`${at}/x.nfo`)).toEqual(shorter);
      await done();
    });

    it('uploads an empty file', async () => {
      const at = await fresh();
      await up.upload(`${at}/empty.txt`, bufferSource(Buffer.alloc(0)), { offset: 0 });
      expect(await up.stat(`${at}/empty.txt`)).toEqual({ kind: 'file', size: 0 });
      await done();
    });

    it('keeps UTF-8 names intact', async () => {
      const at = await fresh();
      const name = 'Élan_Ünïcödé-ß_日本.nfo';
      await up.ensureDir(`${at}/Sämple`);
      await up.upload(`${at}/Sämple/${name}`, bufferSource(Buffer.from('utf8')), { offset: 0 });
      expect((await subject.read(`${at}/Sämple/${name}`))?.toString()).toBe('utf8');
      expect(await up.stat(`${at}/Sämple/${name}`)).toEqual({ kind: 'file', size: 4 });
      await done();
    });

    it('reports progress up to the bytes written', async () => {
      const at = await fresh();
      const bytes = randomBytes(400_000);
      const seen: number[] = [];
      await up.upload(`${at}/p.r01`, bufferSource(bytes), {
        offset: 0,
        onProgress: (written) => seen.push(written),
      });
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.at(-1)).toBe(bytes.length);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
      await done();
    });

    it('refuses a file whose size differs from what was sent', async () => {
      const at = await fresh();
      await up.upload(`${at}/s.sfv`, bufferSource(Buffer.from('abc')), { offset: 0 });
      expect(await codeOf(up.verify(`${at}/s.sfv`, { size: 4 }))).toBe('delivery.verify_failed');
      expect(await codeOf(up.verify(`${at}/missing.sfv`, { size: 4 }))).toBe(
        'delivery.verify_failed',
      );
      await done();
    });

    it('renames over an existing file', async () => {
      const at = await fresh();
      await up.upload(`${at}/old.rar`, bufferSource(Buffer.from('old')), { offset: 0 });
      await up.upload(`${at}/new.part`, bufferSource(Buffer.from('newer')), { offset: 0 });
      await up.rename(`${at}/new.part`, `${at}/old.rar`);
      expect((await subject.read(`${at}/old.rar`))?.toString()).toBe('newer');
      expect(await up.stat(`${at}/new.part`)).toBeUndefined();
      await done();
    });

    it('removes files, and a missing file is not an error', async () => {
      const at = await fresh();
      await up.upload(`${at}/gone.txt`, bufferSource(Buffer.from('x')), { offset: 0 });
      await up.remove(`${at}/gone.txt`);
      await up.remove(`${at}/never-was.txt`);
      expect(await subject.read(`${at}/gone.txt`)).toBeUndefined();
      await done();
    });

    it('says path_missing when the folder does not exist', async () => {
      const at = await fresh();
      const upload = up.upload(`${at}/no/such/dir/f.rar`, bufferSource(Buffer.from('x')), {
        offset: 0,
      });
      expect(await codeOf(upload)).toBe('delivery.path_missing');
      await done();
    });

    it('says not_writable in a folder it may not write into', async (context) => {
      if (subject.readOnlyDir === undefined) {
        context.skip();
        return;
      }
      await fresh();
      const target = `${subject.readOnlyDir}/f.rar`;
      const upload = up.upload(target, bufferSource(Buffer.from('x')), { offset: 0 });
      expect(await codeOf(upload)).toBe('delivery.not_writable');
      expect(await codeOf(up.ensureDir(`${subject.readOnlyDir}/sub`))).toBe(
        'delivery.not_writable',
      );
      await done();
    });

    it('passes the source stream error through unchanged', async () => {
      const at = await fresh();
      const boom = new AppError('delivery.source_changed', 'the file changed');
      const source: UploadSource = {
        size: 10,
        open: () =>
          new Readable({
            read() {
              this.destroy(boom);
            },
          }),
      };
      await expect(up.upload(`${at}/bad.rar`, source, { offset: 0 })).rejects.toBe(boom);
      await up.close();
    });

    it('stops with cancelled when the signal aborts', async () => {
      const at = await fresh();
      const controller = new AbortController();
      const source: UploadSource = {
        size: 1 << 30,
        open: () => {
          let sent = 0;
          return new Readable({
            read() {
              sent += 1;
              if (sent === 4) {
                controller.abort();
              }
              this.push(Buffer.alloc(65_536));
            },
          });
        },
      };
      const upload = up.upload(`${at}/big.rar`, source, {
        offset: 0,
        signal: controller.signal,
      });
      expect(await codeOf(upload)).toBe('delivery.cancelled');
      await up.close();
    });
  });
}
