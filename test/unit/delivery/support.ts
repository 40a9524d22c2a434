/** Doubles for the delivery service tests: a manual clock, an in-memory repository and files. */
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import type { DeliveryRepository } from '../../../src/db/ports.js';
import type { LocalFile, LocalFileReader } from '../../../src/delivery/ports.js';
import type { Delivery } from '../../../src/domain/entities.js';
import type { Clock } from '../../../src/shared/clock.js';

/** Time moves only when told; every sleep is recorded and returns at once (after advancing). */
export class ManualClock implements Clock {
  readonly sleeps: number[] = [];
  private at = Date.parse('2026-01-01T00:00:00Z');

  now(): Date {
    return new Date(this.at);
  }

  advance(ms: number): void {
    this.at += ms;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted === true) {
      return Promise.reject(signal.reason as Error);
    }
    this.sleeps.push(ms);
    this.at += ms;
    return Promise.resolve();
  }
}

export class MemoryDeliveries implements DeliveryRepository {
  readonly rows = new Map<string, Delivery>();
  /** Every patch applied, in order, to check what was recorded per attempt. */
  readonly patches: Partial<Delivery>[] = [];

  create(delivery: Delivery): Promise<Delivery> {
    this.rows.set(delivery.id, { ...delivery });
    return Promise.resolve({ ...delivery });
  }

  findById(id: string): Promise<Delivery | undefined> {
    return Promise.resolve(this.rows.get(id));
  }

  update(id: string, patch: Partial<Delivery>): Promise<Delivery | undefined> {
    const row = this.rows.get(id);
    if (row === undefined) {
      return Promise.resolve(undefined);
    }
    this.patches.push(patch);
    const next = { ...row, ...patch };
    this.rows.set(id, next);
    return Promise.resolve(next);
  }

  list(filter: { destinationId?: string }): Promise<Delivery[]> {
    return Promise.resolve(
      [...this.rows.values()].filter(
        (row) => filter.destinationId === undefined || row.destinationId === filter.destinationId,
      ),
    );
  }
}

/** Local files in memory; the buffers are read when streamed, so a test can change them. */
export class MemoryFiles implements LocalFileReader {
  readonly files = new Map<string, Buffer>();

  add(dir: string, entries: Record<string, Buffer>): void {
    for (const [path, bytes] of Object.entries(entries)) {
      this.files.set(posix.join(dir, path), bytes);
    }
  }

  list(dir: string): Promise<LocalFile[] | undefined> {
    const prefix = `${dir}/`;
    const found = [...this.files.entries()]
      .filter(([path]) => path.startsWith(prefix))
      .map(([path, bytes]) => ({ path: path.slice(prefix.length), size: bytes.length }));
    return Promise.resolve(found.length === 0 && !this.hasDir(dir) ? undefined : found);
  }

  open(path: string, offset: number): Readable {
    const files = this.files;
    let at = offset;
    return new Readable({
      read() {
        const bytes = files.get(path);
        if (bytes === undefined) {
          this.destroy(Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' }));
          return;
        }
        const next = bytes.subarray(at, at + 65_536);
        at += next.length;
        this.push(next.length === 0 ? null : next);
      },
    });
  }

  /** Empty folders exist only when declared. */
  readonly dirs = new Set<string>();

  private hasDir(dir: string): boolean {
    return this.dirs.has(dir);
  }
}
