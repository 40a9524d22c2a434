import { createHash, randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError, type DeliveryTarget } from '../../../../src/delivery/ports.js';
import { deliverRelease } from '../../../../src/services/delivery/index.js';
import type { DeliveryDeps, DeliveryEvent } from '../../../../src/services/delivery/index.js';
import { FakeRemote, FakeUploader } from '../../../fakes/fake-uploader.js';
import { ManualClock, MemoryDeliveries, MemoryFiles } from '../support.js';

const NAME = 'Show.S01E01.720p.HDTV.x264-GRP';
const DIR = `/releases/${NAME}`;
const REMOTE = `/incoming/${NAME}`;

function target(overrides: Partial<DeliveryTarget> = {}): DeliveryTarget {
  return {
    protocol: 'ftp',
    host: 'site.example',
    port: 21,
    username: 'up',
    password: 'secret',
    remotePath: '/incoming',
    ...overrides,
  };
}

const release = {
  'grp-show.r00': randomBytes(200_000),
  'Sample/grp-show.sample.mkv': randomBytes(50_000),
  'grp-show.rar': randomBytes(200_000),
  'grp-show.nfo': randomBytes(2_000),
  'grp-show.r01': randomBytes(120_001),
  'grp-show.sfv': randomBytes(300),
};
const total = Object.values(release).reduce((sum, bytes) => sum + bytes.length, 0);

let remote: FakeRemote;
let files: MemoryFiles;
let clock: ManualClock;
let deliveries: MemoryDeliveries;
let events: DeliveryEvent[];

function deps(): DeliveryDeps {
  let id = 0;
  return {
    uploaders: () => new FakeUploader(remote),
    files,
    clock,
    deliveries,
    newId: () => `delivery-${String((id += 1))}`,
  };
}

function deliver(extra: Partial<DeliveryTarget> = {}, signal?: AbortSignal) {
  return deliverRelease(deps(), {
    releaseDir: DIR,
    destinations: [{ destinationId: 'dest-1', target: target(extra) }],
    jobId: 'job-1',
    ...(signal === undefined ? {} : { signal }),
    onEvent: (event) => events.push(event),
  });
}

const sha256 = (bytes: Buffer | undefined): string =>
  bytes === undefined ? 'missing' : createHash('sha256').update(bytes).digest('hex');

function expectArrived(): void {
  for (const [path, bytes] of Object.entries(release)) {
    expect(sha256(remote.read(`${REMOTE}/${path}`)), path).toBe(sha256(bytes));
  }
}

beforeEach(() => {
  remote = new FakeRemote();
  files = new MemoryFiles();
  files.add(DIR, release);
  clock = new ManualClock();
  deliveries = new MemoryDeliveries();
  events = [];
});

describe('deliverRelease', () => {
  it('uploads in Scene order, byte for byte, and records the delivery', async () => {
    const [outcome] = await deliver();
    expect(outcome).toMatchObject({ status: 'completed', bytesSent: total, attempts: 1 });
    expect(remote.log.filter((line) => line.startsWith('upload'))).toEqual([
      `upload ${REMOTE}/grp-show.sfv@0`,
      `upload ${REMOTE}/grp-show.nfo@0`,
      `upload ${REMOTE}/grp-show.rar@0`,
      `upload ${REMOTE}/grp-show.r00@0`,
      `upload ${REMOTE}/grp-show.r01@0`,
      `upload ${REMOTE}/Sample/grp-show.sample.mkv@0`,
    ]);
    expectArrived();
    const row = deliveries.rows.get('delivery-1');
    expect(row).toMatchObject({
      status: 'completed',
      bytesSent: total,
      bytesTotal: total,
      jobId: 'job-1',
    });
    expect(row?.completedAt).toBeInstanceOf(Date);
  });

  it('skips files already complete and resumes a partial one', async () => {
    remote.dirs.add('/incoming').add(REMOTE);
    remote.files.set(`${REMOTE}/grp-show.sfv`, release['grp-show.sfv']);
    remote.files.set(`${REMOTE}/grp-show.rar`, release['grp-show.rar'].subarray(0, 70_000));
    const [outcome] = await deliver();
    expect(outcome?.skipped).toEqual(['grp-show.sfv']);
    expect(outcome?.resumed).toEqual(['grp-show.rar']);
    expect(remote.log).toContain(`upload ${REMOTE}/grp-show.rar@70000`);
    expectArrived();
  });

  it('resumes after the connection drops mid-volume, after waiting 1 s', async () => {
    remote.cuts.push({ path: `${REMOTE}/grp-show.r00`, afterBytes: 123_457 });
    const [outcome] = await deliver();
    expect(outcome).toMatchObject({ status: 'completed', attempts: 2, resumed: ['grp-show.r00'] });
    expect(clock.sleeps).toEqual([1_000]);
    expect(remote.log).toContain(`upload ${REMOTE}/grp-show.r00@123457`);
    expect(remote.log.filter((line) => line === 'connect')).toHaveLength(2);
    expectArrived();
    const retry = events.find((event) => event.type === 'retry');
    expect(retry).toMatchObject({ file: 'grp-show.r00', attempt: 1, delayMs: 1_000 });
    expect(deliveries.patches).toContainEqual(
      expect.objectContaining({ attempts: 2, errorCode: 'delivery.transfer_failed' }),
    );
  });

  it('retries a server that is down at 1, 2 and 4 s, then fails with the reason', async () => {
    for (let index = 0; index < 4; index += 1) {
      remote.connectFailures.push(
        new DeliveryError('delivery.connection_refused', 'site.example refused the connection', {
          step: 'connect',
        }),
      );
    }
    const [outcome] = await deliver();
    expect(clock.sleeps).toEqual([1_000, 2_000, 4_000]);
    expect(outcome).toMatchObject({
      status: 'failed',
      attempts: 4,
      error: { code: 'delivery.connection_refused', step: 'connect', file: 'grp-show.sfv' },
    });
    expect(outcome?.error?.message).toContain('grp-show.sfv: failed at connect');
    expect(deliveries.rows.get('delivery-1')).toMatchObject({
      status: 'failed',
      attempts: 4,
      errorCode: 'delivery.connection_refused',
    });
  });

  it('does not retry a refused login', async () => {
    remote.connectFailures.push(
      new DeliveryError('delivery.auth_failed', 'Login refused: 530 Login incorrect.', {
        step: 'connect',
        serverReply: '530 Login incorrect.',
      }),
    );
    const [outcome] = await deliver();
    expect(clock.sleeps).toEqual([]);
    expect(outcome?.error).toMatchObject({
      code: 'delivery.auth_failed',
      serverReply: '530 Login incorrect.',
    });
  });

  it('stops on a file that changes size during its upload and leaves no copy of it', async () => {
    remote.onChunk = (path, written) => {
      if (path.endsWith('grp-show.r00') && written > 0) {
        files.files.set(
          `${DIR}/grp-show.r00`,
          Buffer.concat([release['grp-show.r00'], randomBytes(10)]),
        );
      }
    };
    const [outcome] = await deliver();
    expect(outcome?.error).toMatchObject({ code: 'delivery.source_changed', file: 'grp-show.r00' });
    expect(clock.sleeps).toEqual([]);
    expect(remote.read(`${REMOTE}/grp-show.r00`)).toBeUndefined();
    files.files.set(`${DIR}/grp-show.r00`, release['grp-show.r00']);
  });

  it('stops with cancelled when the signal aborts', async () => {
    const controller = new AbortController();
    remote.onChunk = (path) => {
      if (path.endsWith('grp-show.rar')) {
        controller.abort();
      }
    };
    const [outcome] = await deliver({}, controller.signal);
    expect(outcome).toMatchObject({ status: 'cancelled', error: { code: 'delivery.cancelled' } });
    expect(deliveries.rows.get('delivery-1')?.status).toBe('cancelled');
  });

  it('writes SFTP and local destinations under a hidden name and renames once verified', async () => {
    remote.cuts.push({ path: `${REMOTE}/.grp-show.rar.sp-part`, afterBytes: 1_000 });
    remote.connectFailures.length = 0;
    const [outcome] = await deliver({ protocol: 'sftp' });
    expect(outcome?.status).toBe('completed');
    expect(remote.log).toContain(`upload ${REMOTE}/.grp-show.rar.sp-part@1000`);
    expect(remote.log).toContain(`rename ${REMOTE}/.grp-show.rar.sp-part ${REMOTE}/grp-show.rar`);
    expect([...remote.files.keys()].some((path) => path.includes('sp-part'))).toBe(false);
    expectArrived();
  });

  it('reports progress with bytes, rate and time left', async () => {
    remote.onChunk = () => {
      clock.advance(100);
    };
    await deliver();
    const progress = events.filter((event) => event.type === 'progress');
    expect(progress.length).toBeGreaterThan(3);
    const last = progress.at(-1);
    expect(last).toMatchObject({ bytesDone: total, bytesTotal: total, etaSeconds: 0 });
    const middle = progress.find((event) => event.bytesDone > 0 && event.bytesDone < total);
    expect(middle?.rate).toBeGreaterThan(0);
    expect(middle?.etaSeconds).toBeGreaterThan(0);
    const done = events.filter((event) => event.type === 'file' && event.status === 'done');
    expect(done).toHaveLength(6);
  });

  it('delivers to several destinations independently', async () => {
    const other = new FakeRemote();
    other.connectFailures.push(
      new DeliveryError('delivery.auth_failed', 'Login refused', { step: 'connect' }),
    );
    const outcomes = await deliverRelease(
      { ...deps(), uploaders: (t) => new FakeUploader(t.host === 'bad.example' ? other : remote) },
      {
        releaseDir: DIR,
        destinations: [
          { destinationId: 'bad', target: target({ host: 'bad.example' }) },
          { destinationId: 'good', target: target() },
        ],
      },
    );
    expect(outcomes.map((outcome) => [outcome.destinationId, outcome.status])).toEqual([
      ['bad', 'failed'],
      ['good', 'completed'],
    ]);
    expectArrived();
    expect(deliveries.rows.size).toBe(2);
  });

  it('refuses bad destination settings without connecting', async () => {
    const [outcome] = await deliver({ port: 70_000, username: '', remotePath: '/in/../etc' });
    expect(outcome?.error?.code).toBe('validation.failed');
    expect(outcome?.error?.message).toMatch(/port.*username.*remotePath/);
    expect(remote.log).toEqual([]);
  });

  it('refuses a folder that is missing or is not a release, before connecting', async () => {
    await expect(
      deliverRelease(deps(), { releaseDir: '/releases/Nope-GRP', destinations: [] }),
    ).rejects.toMatchObject({ code: 'release.not_a_release', details: { reason: 'missing' } });
    files.add('/releases/Loose.Files-GRP', { 'readme.txt': Buffer.from('hi') });
    await expect(
      deliverRelease(deps(), {
        releaseDir: '/releases/Loose.Files-GRP',
        destinations: [{ destinationId: 'd', target: target() }],
      }),
    ).rejects.toMatchObject({ code: 'release.not_a_release', details: { reason: 'no_archives' } });
    expect(remote.log).toEqual([]);
  });
});
