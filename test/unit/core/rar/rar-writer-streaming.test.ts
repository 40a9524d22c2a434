import { Writable } from 'node:stream';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../../src/shared/errors.js';
import { planRar } from '../../../../src/core/rar/rar-plan.js';
import {
  writeRar,
  type RarPatch,
  type RarVolumeSink,
} from '../../../../src/core/rar/rar-writer.js';
import { chunked, memoryVolumes, patternBytes } from './support.js';

const MIB = 2 ** 20;

/** Keeps only each volume's first bytes, its end block and the patches: for inputs of many GiB. */
function headerOnlyVolumes() {
  const volumes: {
    name: string;
    head: Buffer;
    tail: Buffer;
    size: number;
    patches: readonly RarPatch[];
  }[] = [];
  const openVolume = (_index: number, name: string): RarVolumeSink => {
    const record = {
      name,
      head: Buffer.alloc(0),
      tail: Buffer.alloc(0),
      size: 0,
      patches: [] as readonly RarPatch[],
    };
    volumes.push(record);
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        if (record.head.length < 128) {
          record.head = Buffer.concat([record.head, chunk.subarray(0, 128 - record.head.length)]);
        }
        record.tail = Buffer.concat([record.tail, chunk.subarray(-20)]).subarray(-20);
        record.size += chunk.length;
        callback();
      },
    });
    return {
      stream,
      patch: (edits) => {
        record.patches = edits;
        return Promise.resolve();
      },
    };
  };
  return { volumes, openVolume };
}

function zeros(count: number, tail: number): () => AsyncIterable<Uint8Array> {
  const block = new Uint8Array(MIB);
  return async function* () {
    for (let index = 0; index < count; index += 1) {
      yield block;
    }
    yield new Uint8Array(tail);
    await Promise.resolve();
  };
}

function zerosCrc(count: number, tail: number): number {
  const block = new Uint8Array(MIB);
  let crc = 0;
  for (let index = 0; index < count; index += 1) {
    crc = zlibCrc32(block, crc);
  }
  return zlibCrc32(new Uint8Array(tail), crc) >>> 0;
}

describe('writeRar: files over 4 GiB', () => {
  it('writes LARGE headers with the high halves of pack and unpacked sizes', async () => {
    const size = 4097 * MIB + 123;
    const sink = headerOnlyVolumes();
    const result = await writeRar(
      [{ name: 'big.mkv', size, mtime: new Date(0), open: zeros(4097, 123) }],
      {
        baseName: 'big',
        volumeSize: 4_295_000_000,
        openVolume: sink.openVolume,
      },
    );
    const plan = planRar([{ name: 'big.mkv', size }], {
      baseName: 'big',
      volumeSize: 4_295_000_000,
    });
    expect(sink.volumes.map((volume) => volume.size)).toEqual(
      plan.volumes.map((volume) => volume.size),
    );
    expect(sink.volumes[0]?.size).toBe(4_295_000_000);
    const headers = sink.volumes.map((volume) => volume.patches[0]!.bytes);
    const packSizes = headers.map(
      (header) => header.readUInt32LE(7) + header.readUInt32LE(32) * 2 ** 32,
    );
    expect(headers.map((header) => header.readUInt16LE(3) & 0x0100)).toEqual([0x0100, 0x0100]);
    expect(
      headers.map((header) => header.readUInt32LE(11) + header.readUInt32LE(36) * 2 ** 32),
    ).toEqual([size, size]);
    expect(headers[0]!.readUInt32LE(32)).toBe(1);
    expect(packSizes[0]).toBe(4_295_000_000 - 40 - (32 + 8 + 7 + 5));
    expect(packSizes[0]! + packSizes[1]!).toBe(size);
    expect(headers[1]!.readUInt32LE(16)).toBe(zerosCrc(4097, 123));
    expect(result.files[0]?.crc32).toBe(zerosCrc(4097, 123));
    expect(sink.volumes[1]?.tail.readUInt16LE(3)).toBe(0x400e);
  }, 60_000);
});

describe('writeRar: cancellation', () => {
  it('stops at the abort, destroys the open volume with release.cancelled and opens no more', async () => {
    const data = patternBytes(400_000);
    const controller = new AbortController();
    const memory = memoryVolumes();
    const promise = writeRar(
      [{ name: 'f', size: data.length, mtime: new Date(0), open: chunked(data, 1000) }],
      {
        baseName: 'c',
        volumeSize: 50_000,
        openVolume: memory.openVolume,
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.bytesDone >= progress.bytesTotal / 2) {
            controller.abort();
          }
        },
      },
    );
    await expect(promise).rejects.toMatchObject({ code: 'release.cancelled' });
    const open = memory.volumes.at(-1)!;
    expect(memory.volumes.length).toBeLessThan(9);
    expect(open.stream.destroyed).toBe(true);
    expect((open.stream.errored as AppError | null)?.code).toBe('release.cancelled');
    expect(open.patches).toBeUndefined();
  });

  it('opens nothing when the signal is already aborted', async () => {
    const memory = memoryVolumes();
    const promise = writeRar(
      [{ name: 'f', size: 1, mtime: new Date(0), open: chunked(Buffer.from('x')) }],
      {
        baseName: 'c',
        volumeSize: 50_000,
        openVolume: memory.openVolume,
        signal: AbortSignal.abort(),
      },
    );
    await expect(promise).rejects.toMatchObject({ code: 'release.cancelled' });
    expect(memory.volumes).toHaveLength(0);
  });

  it('cancels while waiting for a full sink to drain', async () => {
    const controller = new AbortController();
    const stuck = new Writable({ highWaterMark: 1024, write: () => undefined });
    const promise = writeRar(
      [
        {
          name: 'f',
          size: 100_000,
          mtime: new Date(0),
          open: chunked(patternBytes(100_000), 10_000),
        },
      ],
      {
        baseName: 'c',
        volumeSize: 1_000_000,
        openVolume: () => ({ stream: stuck, patch: () => Promise.resolve() }),
        signal: controller.signal,
      },
    );
    setTimeout(() => {
      controller.abort();
    }, 20);
    await expect(promise).rejects.toMatchObject({ code: 'release.cancelled' });
    expect(stuck.destroyed).toBe(true);
  });
});

describe('writeRar: back-pressure', () => {
  it('never holds much more than one input chunk when the sink is slow', async () => {
    const chunk = 64 * 1024;
    let produced = 0;
    let consumed = 0;
    let maxOutstanding = 0;
    const source = async function* () {
      for (let index = 0; index < 256; index += 1) {
        produced += chunk;
        maxOutstanding = Math.max(maxOutstanding, produced - consumed);
        await Promise.resolve();
        yield new Uint8Array(chunk);
      }
    };
    const slow = (): RarVolumeSink => ({
      stream: new Writable({
        highWaterMark: 16 * 1024,
        write(data: Buffer, _encoding, callback) {
          setImmediate(() => {
            consumed += data.length;
            callback();
          });
        },
      }),
      patch: () => Promise.resolve(),
    });
    await writeRar([{ name: 'f', size: 256 * chunk, mtime: new Date(0), open: source }], {
      baseName: 'b',
      volumeSize: 5_000_000,
      openVolume: slow,
    });
    expect(consumed).toBeGreaterThan(256 * chunk);
    expect(maxOutstanding).toBeLessThanOrEqual(3 * chunk);
  });
});

describe('writeRar: failures', () => {
  const write = (open: () => AsyncIterable<Uint8Array>, size: number, memory = memoryVolumes()) =>
    writeRar([{ name: 'f.bin', size, mtime: new Date(0), open }], {
      baseName: 'e',
      volumeSize: 10_000,
      openVolume: memory.openVolume,
    });

  it('reports an unreadable input and closes the volume with the error', async () => {
    const memory = memoryVolumes();
    const failing = async function* () {
      yield new Uint8Array(5000);
      await Promise.resolve();
      throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
    };
    const error = await write(failing, 20_000, memory).catch(
      (caught: unknown) => caught as AppError,
    );
    expect(error).toMatchObject({ code: 'release.input_unreadable' });
    expect((error as AppError).cause).toMatchObject({ code: 'EIO' });
    expect(memory.volumes.at(-1)?.stream.destroyed).toBe(true);
  });

  it('notices an input that is shorter or longer than declared', async () => {
    await expect(write(chunked(patternBytes(15_000)), 20_000)).rejects.toMatchObject({
      code: 'release.input_unreadable',
      message: expect.stringContaining('fewer') as string,
    });
    await expect(write(chunked(patternBytes(25_000)), 20_000)).rejects.toMatchObject({
      code: 'release.input_unreadable',
      message: expect.stringContaining('more') as string,
    });
  });

  it('passes on the sink error, such as a full disk', async () => {
    const full = (): RarVolumeSink => ({
      stream: new Writable({
        write(_data, _encoding, callback) {
          callback(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
        },
      }),
      patch: () => Promise.resolve(),
    });
    await expect(
      writeRar(
        [{ name: 'f', size: 50_000, mtime: new Date(0), open: chunked(patternBytes(50_000)) }],
        {
          baseName: 'e',
          volumeSize: 10_000,
          openVolume: full,
        },
      ),
    ).rejects.toMatchObject({ code: 'ENOSPC' });
  });
});
