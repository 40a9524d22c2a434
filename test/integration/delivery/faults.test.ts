/**
 * Whole releases delivered by the real service and uploaders to the real loopback servers, with
 * faults injected by a TCP proxy (drops, stalls) or by the servers' own file systems (permission,
 * full disk). Each fault must end in its own error code; a drop must end in byte-identical files.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsFileReader } from '../../../src/delivery/local/fs-file-reader.js';
import type { DeliveryTarget } from '../../../src/delivery/ports.js';
import { createUploaderFactory } from '../../../src/delivery/registry.js';
import { deliverRelease, type DestinationOutcome } from '../../../src/services/delivery/index.js';
import { freePort } from '../../support/servers/net.js';
import {
  makeRemoteRoot,
  mountTinyDisk,
  type RemoteRoot,
} from '../../support/servers/remote-root.js';
import { startSshd, sshdPath, type SshdServer } from '../../support/servers/sshd.js';
import { TcpProxy } from '../../support/servers/tcp-proxy.js';
import { startVsftpd, type VsftpdServer } from '../../support/servers/vsftpd.js';
import { ManualClock, MemoryDeliveries } from '../../unit/delivery/support.js';
import { makeRelease, sha256File, type ReleaseFixture } from './release-fixture.js';
import { cannotRunServers, ftpTarget, sftpTarget } from './servers.js';

const skip =
  cannotRunServers('vsftpd') || cannotRunServers(sshdPath() ?? 'sshd') || cannotRunServers('mount');

let release: ReleaseFixture;
let ftp: VsftpdServer;
let ftps: VsftpdServer;
let ssh: SshdServer;
let root: RemoteRoot;
let clock: ManualClock;
let deliveries: MemoryDeliveries;
let counter = 0;

/** A fresh destination folder per test, so no test sees another's files. */
function freshPath(): string {
  counter += 1;
  return join(root.writable, `t${String(counter)}`);
}

async function deliver(target: DeliveryTarget): Promise<DestinationOutcome> {
  clock = new ManualClock();
  deliveries = new MemoryDeliveries();
  const outcomes = await deliverRelease(
    { uploaders: createUploaderFactory(), files: new FsFileReader(), clock, deliveries },
    { releaseDir: release.dir, destinations: [{ destinationId: 'dest', target }] },
  );
  return outcomes[0]!;
}

function expectIdentical(remotePath: string): void {
  for (const [path, hash] of release.hashes) {
    expect(sha256File(join(remotePath, release.name, path)), path).toBe(hash);
  }
}

async function through(proxy: TcpProxy, target: DeliveryTarget): Promise<DeliveryTarget> {
  await proxy.start();
  return { ...target, host: '127.0.0.2', port: proxy.port };
}

describe.skipIf(skip)('delivery faults against vsftpd and sshd', () => {
  beforeAll(async () => {
    // Volumes large enough that a cut 4.5 MB into the second one leaves a prefix on the server
    // even though SSH keeps megabytes in flight.
    release = makeRelease(6_000_000);
    [ftp, ftps, ssh] = await Promise.all([
      startVsftpd({ tls: 'none', pasvHosts: ['127.0.0.1', '127.0.0.2'] }),
      startVsftpd({ tls: 'explicit', pasvHosts: ['127.0.0.1', '127.0.0.2'] }),
      startSshd(),
    ]);
    root = makeRemoteRoot(ftp.user);
  });

  afterAll(async () => {
    await Promise.all([ftp.stop(), ftps.stop(), ssh.stop()]);
    root.remove();
    release.remove();
  });

  it.each([
    ['FTP', () => ftp, 'none'],
    ['FTPS', () => ftps, 'explicit'],
  ] as const)(
    '%s: a drop in the middle of a volume resumes to identical files',
    async (_name, server, tls) => {
      const path = freshPath();
      const proxy = new TcpProxy({
        targetHost: '127.0.0.1',
        targetPort: server().port,
        listenHost: '127.0.0.2',
        mirrorPorts: server().pasvPorts,
      });
      try {
        const target = await through(proxy, ftpTarget(server(), tls, path));
        proxy.cutAfter(10_500_000, true);
        const outcome = await deliver(target);
        expect(outcome).toMatchObject({
          status: 'completed',
          attempts: 2,
          resumed: ['grp-show.s01e02.r00'],
        });
        expect(clock.sleeps).toEqual([1_000]);
        expectIdentical(path);
      } finally {
        await proxy.stop();
      }
    },
  );

  it('SFTP: a drop in the middle of a volume resumes to identical files', async () => {
    const path = freshPath();
    const proxy = new TcpProxy({
      targetHost: '127.0.0.1',
      targetPort: ssh.port,
      listenHost: '127.0.0.2',
    });
    try {
      const target = await through(proxy, sftpTarget(ssh, path));
      proxy.cutAfter(10_500_000);
      const outcome = await deliver(target);
      expect(outcome).toMatchObject({
        status: 'completed',
        attempts: 2,
        resumed: ['grp-show.s01e02.r00'],
      });
      expect(clock.sleeps).toEqual([1_000]);
      expectIdentical(path);
    } finally {
      await proxy.stop();
    }
  });

  it('a second delivery skips what is already there', async () => {
    const path = freshPath();
    await deliver(sftpTarget(ssh, path));
    const again = await deliver(ftpTarget(ftp, 'none', path));
    expect(again.skipped).toHaveLength(release.hashes.size);
    expect(again.uploaded).toEqual([]);
  });

  it.each([
    ['FTP', (port: number) => ({ ...ftpTarget(ftp, 'none', freshPath()), port })],
    ['SFTP', (port: number) => ({ ...sftpTarget(ssh, freshPath()), port })],
  ] as const)(
    '%s: a server that is down is retried at 1, 2 and 4 s, then reported',
    async (_name, make) => {
      const outcome = await deliver(make(await freePort()));
      expect(clock.sleeps).toEqual([1_000, 2_000, 4_000]);
      expect(outcome).toMatchObject({
        status: 'failed',
        attempts: 4,
        error: { code: 'delivery.connection_refused', step: 'connect' },
      });
      expect(deliveries.rows.values().next().value).toMatchObject({
        status: 'failed',
        attempts: 4,
        errorCode: 'delivery.connection_refused',
      });
    },
  );

  it.each([
    [
      'FTP',
      () => ({ ...ftpTarget(ftp, 'none', freshPath()), password: 'wrong' }),
      '530 Login incorrect.',
    ],
    ['SFTP', () => ({ ...sftpTarget(ssh, freshPath()), password: 'wrong' }), undefined],
  ] as const)('%s: a wrong password fails at once with auth_failed', async (_name, make, reply) => {
    const outcome = await deliver(make());
    expect(clock.sleeps).toEqual([]);
    expect(outcome.error).toMatchObject({ code: 'delivery.auth_failed', step: 'connect' });
    if (reply !== undefined) {
      expect(outcome.error?.serverReply).toBe(reply);
    }
  });

  it('SFTP: an unknown host key is refused, with its fingerprint to pin', async () => {
    const { hostKeyFingerprint: _pinned, ...target } = sftpTarget(ssh, freshPath());
    const outcome = await deliver(target);
    expect(clock.sleeps).toEqual([]);
    expect(outcome.error).toMatchObject({ code: 'delivery.host_key_unknown' });
    expect(outcome.error?.message).toContain(ssh.hostKeyFingerprint);
  });

  it('SFTP: a changed host key is refused as a mismatch', async () => {
    const target = {
      ...sftpTarget(ssh, freshPath()),
      hostKeyFingerprint: `SHA256:${'x'.repeat(43)}`,
    };
    const outcome = await deliver(target);
    expect(outcome.error).toMatchObject({ code: 'delivery.host_key_mismatch' });
  });

  it.each([
    ['FTP', () => ftpTarget(ftp, 'none', root.locked)],
    ['SFTP', () => sftpTarget(ssh, root.locked)],
  ] as const)('%s: a folder the user may not write into says not_writable', async (_name, make) => {
    const outcome = await deliver(make());
    expect(clock.sleeps).toEqual([]);
    expect(outcome.error).toMatchObject({ code: 'delivery.not_writable', step: 'mkdir' });
  });

  it.each([
    ['FTP', (path: string) => ftpTarget(ftp, 'none', path)],
    ['SFTP', (path: string) => sftpTarget(ssh, path)],
  ] as const)(
    '%s: a full disk says quota_exceeded with the server’s words',
    async (_name, make) => {
      const disk = mountTinyDisk(freshPath(), 1024 * 1024, ftp.user);
      expect(disk, 'this machine must allow mounting a tmpfs').toBeDefined();
      try {
        const outcome = await deliver(make(disk!.path));
        expect(outcome.error).toMatchObject({
          code: 'delivery.quota_exceeded',
          step: 'upload',
          file: 'grp-show.s01e02.rar',
        });
        expect(outcome.error?.serverReply).toBeTruthy();
        expect(clock.sleeps).toEqual([]);
      } finally {
        disk?.unmount();
      }
    },
  );

  it('FTP: a server that stops answering times out, and is retried', async () => {
    const proxy = new TcpProxy({
      targetHost: '127.0.0.1',
      targetPort: ftp.port,
      listenHost: '127.0.0.2',
      mirrorPorts: ftp.pasvPorts,
    });
    try {
      const target = await through(proxy, {
        ...ftpTarget(ftp, 'none', freshPath()),
        timeoutMs: 1_000,
      });
      proxy.stall();
      const outcome = await deliver(target);
      expect(outcome.error).toMatchObject({ code: 'delivery.timeout' });
      expect(clock.sleeps).toEqual([1_000, 2_000, 4_000]);
    } finally {
      await proxy.stop();
    }
  });

  it('a host name that does not resolve says dns_failed at once', async () => {
    const outcome = await deliver({
      ...ftpTarget(ftp, 'none', freshPath()),
      host: 'no-such-site.invalid',
    });
    expect(outcome.error).toMatchObject({ code: 'delivery.dns_failed' });
    expect(clock.sleeps).toEqual([]);
  });
});
