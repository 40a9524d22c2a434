import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { SFTPWrapper } from 'ssh2';
import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  StallError,
  pipelinedWrite,
} from '../../../../src/delivery/sftp/pipelined-write.js';

/** Answers WRITE requests in order, a few at a time, like a server on a slow link. */
class SlowServer {
  readonly file = Buffer.alloc(1 << 20);
  maxInFlight = 0;
  private readonly pending: (() => void)[] = [];
  stalled = false;
  failAt: number | undefined;

  readonly sftp = {
    write: (
      _handle: Buffer,
      buffer: Buffer,
      offset: number,
      length: number,
      position: number,
      done: (error?: Error) => void,
    ) => {
      const copy = Buffer.from(buffer.subarray(offset, offset + length));
      this.pending.push(() => {
        if (this.failAt !== undefined && position >= this.failAt) {
          done(Object.assign(new Error('Failure'), { code: 4 }));
          return;
        }
        copy.copy(this.file, position);
        done();
      });
      this.maxInFlight = Math.max(this.maxInFlight, this.pending.length);
      this.schedule();
    },
  } as unknown as SFTPWrapper;

  private schedule(): void {
    setImmediate(() => {
      if (!this.stalled) {
        this.pending.splice(0, 3).forEach((answer) => {
          answer();
        });
      }
    });
  }
}

const settings = { chunkBytes: 4_096, inFlight: 16, stallMs: 200 };

function run(
  server: SlowServer,
  bytes: Buffer,
  extra: Partial<Parameters<typeof pipelinedWrite>[0]> = {},
) {
  const chunks = [];
  for (let at = 0; at < bytes.length; at += 50_000) {
    chunks.push(bytes.subarray(at, at + 50_000));
  }
  return pipelinedWrite(
    {
      sftp: server.sftp,
      handle: Buffer.from('h'),
      source: Readable.from(chunks),
      position: 0,
      onStop: () => undefined,
      ...extra,
    },
    settings,
  );
}

describe('pipelinedWrite', () => {
  it('keeps many requests in flight, never more than allowed, and writes every byte in place', async () => {
    const server = new SlowServer();
    const bytes = randomBytes(300_001);
    const progress: number[] = [];
    const written = await run(server, bytes, { onProgress: (value) => progress.push(value) });
    expect(written).toBe(bytes.length);
    expect(server.file.subarray(0, bytes.length).equals(bytes)).toBe(true);
    expect(server.maxInFlight).toBe(settings.inFlight);
    expect(progress.at(-1)).toBe(bytes.length);
  });

  it('starts at the given remote position', async () => {
    const server = new SlowServer();
    const bytes = randomBytes(10_000);
    await run(server, bytes, { position: 5_000 });
    expect(server.file.subarray(5_000, 15_000).equals(bytes)).toBe(true);
  });

  it('fails with the first refused write', async () => {
    const server = new SlowServer();
    server.failAt = 100_000;
    await expect(run(server, randomBytes(300_000))).rejects.toMatchObject({ code: 4 });
  });

  it('gives up on a server that stops answering, and asks to tear down', async () => {
    const server = new SlowServer();
    server.stalled = true;
    const stops: string[] = [];
    await expect(
      run(server, randomBytes(100_000), { onStop: (why) => stops.push(why) }),
    ).rejects.toBeInstanceOf(StallError);
    expect(stops).toEqual(['stalled']);
  });

  it('stops when the signal aborts', async () => {
    const server = new SlowServer();
    const controller = new AbortController();
    controller.abort();
    await expect(
      run(server, randomBytes(100_000), { signal: controller.signal }),
    ).rejects.toBeInstanceOf(AbortedError);
  });
});
