/** The destination test against the real servers: each failure names its precise reason. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryTarget } from '../../../src/delivery/ports.js';
import { createUploaderFactory } from '../../../src/delivery/registry.js';
import { testDestination } from '../../../src/services/delivery/index.js';
import { freePort } from '../../support/servers/net.js';
import { makeRemoteRoot, type RemoteRoot } from '../../support/servers/remote-root.js';
import { sshdPath, startSshd, type SshdServer } from '../../support/servers/sshd.js';
import { startVsftpd, type VsftpdServer } from '../../support/servers/vsftpd.js';
import { cannotRunServers, ftpTarget, sftpTarget } from './servers.js';

const skip = cannotRunServers('vsftpd') || cannotRunServers(sshdPath() ?? 'sshd');
const check = (target: DeliveryTarget) => testDestination(createUploaderFactory(), target);

let ftp: VsftpdServer;
let implicit: VsftpdServer;
let ssh: SshdServer;
let root: RemoteRoot;

describe.skipIf(skip)('testDestination against vsftpd and sshd', () => {
  beforeAll(async () => {
    [ftp, implicit, ssh] = await Promise.all([
      startVsftpd({ tls: 'explicit' }),
      startVsftpd({ tls: 'implicit' }),
      startSshd(),
    ]);
    root = makeRemoteRoot(ftp.user);
  });

  afterAll(async () => {
    await Promise.all([ftp.stop(), implicit.stop(), ssh.stop()]);
    root.remove();
  });

  it.each([
    ['FTPS explicit', () => ftpTarget(ftp, 'explicit', root.writable), 'TLSv1.3'],
    ['FTPS implicit', () => ftpTarget(implicit, 'implicit', root.writable), 'TLSv1.3'],
    ['SFTP', () => sftpTarget(ssh, root.writable), 'SSH-2.0'],
  ] as const)('%s: succeeds and leaves nothing behind', async (_name, make, security) => {
    const result = await check(make());
    expect(result).toMatchObject({ success: true, details: { security } });
    expect(readdirSync(root.writable).filter((name) => name.includes('probe'))).toEqual([]);
  });

  it.each([
    ['FTPS', () => ftpTarget(ftp, 'explicit', join(root.writable, 'nope'))],
    ['SFTP', () => sftpTarget(ssh, join(root.writable, 'nope'))],
  ] as const)('%s: a missing folder is path_missing', async (_name, make) => {
    const result = await check(make());
    expect(result).toMatchObject({ success: false, details: { code: 'delivery.path_missing' } });
  });

  it.each([
    ['FTPS', () => ftpTarget(ftp, 'explicit', root.locked)],
    ['SFTP', () => sftpTarget(ssh, root.locked)],
  ] as const)('%s: a read-only folder is not_writable', async (_name, make) => {
    const result = await check(make());
    expect(result).toMatchObject({ success: false, details: { code: 'delivery.not_writable' } });
    expect(result.details.serverReply).toBeTruthy();
  });

  it('SFTP: an unpinned host key comes back with its fingerprint', async () => {
    const { hostKeyFingerprint: _pinned, ...target } = sftpTarget(ssh, root.writable);
    const result = await check(target);
    expect(result).toMatchObject({
      success: false,
      details: { code: 'delivery.host_key_unknown', fingerprint: ssh.hostKeyFingerprint },
    });
  });

  it('FTPS: an untrusted certificate comes back with its fingerprint', async () => {
    const { tlsFingerprint: _pinned, ...target } = ftpTarget(ftp, 'explicit', root.writable);
    const result = await check(target);
    expect(result).toMatchObject({
      success: false,
      details: { code: 'delivery.tls_failed', fingerprint: ftp.certFingerprint },
    });
  });

  it('names refused connections, unknown hosts and bad passwords', async () => {
    const refused = await check({
      ...ftpTarget(ftp, 'explicit', root.writable),
      port: await freePort(),
    });
    expect(refused.details.code).toBe('delivery.connection_refused');
    const dns = await check({ ...sftpTarget(ssh, root.writable), host: 'no-such-site.invalid' });
    expect(dns.details.code).toBe('delivery.dns_failed');
    const login = await check({ ...sftpTarget(ssh, root.writable), password: 'wrong' });
    expect(login.details.code).toBe('delivery.auth_failed');
  });
});
