/**
 * FTP behaviours beyond the shared contract, against vsftpd: certificate checks, TLS session
 * reuse on TLS 1.2 and 1.3, the PASV fall-back and the NAT address fix, and TLS mismatches.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpUploader, type FtpUploaderOptions } from '../../../src/delivery/ftp/ftp-uploader.js';
import type { DeliveryTarget } from '../../../src/delivery/ports.js';
import type { AppError } from '../../../src/shared/errors.js';
import { makeRemoteRoot, type RemoteRoot } from '../../support/servers/remote-root.js';
import { TcpProxy } from '../../support/servers/tcp-proxy.js';
import { startVsftpd, type VsftpdServer } from '../../support/servers/vsftpd.js';
import { cannotRunServers, ftpTarget, readOrUndefined } from './servers.js';
import { bufferSource, sha256 } from './uploader-contract.js';

const skip = cannotRunServers('vsftpd') || cannotRunServers('openssl');

let plain: VsftpdServer;
let explicit: VsftpdServer;
let natted: VsftpdServer;
let root: RemoteRoot;
let counter = 0;

async function roundTrip(target: DeliveryTarget, options: FtpUploaderOptions = {}): Promise<void> {
  counter += 1;
  const path = join(root.writable, `f${String(counter)}.rar`);
  const bytes = randomBytes(300_000);
  const uploader = new FtpUploader(target, options);
  try {
    await uploader.connect();
    await uploader.upload(path, bufferSource(bytes), { offset: 0 });
    await uploader.verify(path, { size: bytes.length });
  } finally {
    await uploader.close();
  }
  expect(sha256((await readOrUndefined(path))!)).toBe(sha256(bytes));
}

async function connectError(
  target: DeliveryTarget,
  options: FtpUploaderOptions = {},
): Promise<AppError> {
  const uploader = new FtpUploader(target, options);
  try {
    await uploader.connect();
  } catch (error) {
    return error as AppError;
  } finally {
    await uploader.close();
  }
  throw new Error('connect() succeeded');
}

describe.skipIf(skip)('FtpUploader behaviours against vsftpd', () => {
  beforeAll(async () => {
    [plain, explicit, natted] = await Promise.all([
      startVsftpd({ tls: 'none', pasvHosts: ['127.0.0.1', '127.0.0.2'] }),
      startVsftpd({ tls: 'explicit' }),
      // Announces a private address in PASV replies, like a server behind NAT.
      startVsftpd({ tls: 'none', pasvAddress: '10.255.255.1' }),
    ]);
    root = makeRemoteRoot(plain.user);
  });

  afterAll(async () => {
    await Promise.all([plain.stop(), explicit.stop(), natted.stop()]);
    root.remove();
  });

  it('refuses a self-signed certificate by default, naming its fingerprint', async () => {
    const { tlsFingerprint: _pinned, ...target } = ftpTarget(explicit, 'explicit', root.writable);
    const error = await connectError(target);
    expect(error.code).toBe('delivery.tls_failed');
    expect(error.details).toMatchObject({ fingerprint: explicit.certFingerprint });
    expect(error.message).toContain(explicit.certFingerprint);
  });

  it('refuses a certificate that does not match the pinned fingerprint', async () => {
    const target = {
      ...ftpTarget(explicit, 'explicit', root.writable),
      tlsFingerprint: 'AB'.repeat(32),
    };
    const error = await connectError(target);
    expect(error.code).toBe('delivery.tls_failed');
    expect(error.details).toMatchObject({ fingerprint: explicit.certFingerprint });
  });

  it('accepts a certificate signed by a trusted CA without any pin', async () => {
    const { tlsFingerprint: _pinned, ...target } = ftpTarget(explicit, 'explicit', root.writable);
    await roundTrip(target, { ca: explicit.certPem });
  });

  it.each(['TLSv1.2', 'TLSv1.3'] as const)(
    'reuses the TLS session on data connections (%s, require_ssl_reuse=YES)',
    async (version) => {
      await roundTrip(ftpTarget(explicit, 'explicit', root.writable), { tlsMaxVersion: version });
    },
  );

  it('replaces a private PASV address by the control host', async () => {
    await roundTrip({
      ...ftpTarget(natted, 'none', root.writable),
      forcePasv: true,
      timeoutMs: 5_000,
    });
  });

  it('falls back to PASV when the server refuses EPSV', async () => {
    const lines: string[] = [];
    const proxy = new TcpProxy({
      targetHost: '127.0.0.1',
      targetPort: plain.port,
      listenHost: '127.0.0.2',
      mirrorPorts: plain.pasvPorts,
      // Same length, unknown to vsftpd: "500 Unknown command."
      rewriteUpstream: (chunk) =>
        Buffer.from(chunk.toString('latin1').replace(/^EPSV\r\n/, 'XPSV\r\n'), 'latin1'),
    });
    await proxy.start();
    try {
      const target = {
        ...ftpTarget(plain, 'none', root.writable),
        host: '127.0.0.2',
        port: proxy.port,
      };
      await roundTrip(target, { log: (line) => lines.push(line) });
      await roundTrip(target);
    } finally {
      await proxy.stop();
    }
    expect(lines.some((line) => line.startsWith('< 500'))).toBe(true);
    expect(lines.filter((line) => line.startsWith('> PASV'))).toHaveLength(1);
  });

  it('says tls_failed when plain FTP meets a server that requires TLS', async () => {
    const error = await connectError(ftpTarget(explicit, 'none', root.writable));
    expect(error.code).toBe('delivery.tls_failed');
    expect(error.details).toMatchObject({ serverReply: expect.stringMatching(/^530 /) as unknown });
  });

  it('says tls_failed when FTPS meets a server without TLS', async () => {
    const error = await connectError(ftpTarget(plain, 'explicit', root.writable));
    expect(error.code).toBe('delivery.tls_failed');
  });

  it('uses XCRC-free servers by size only, and reports no checksum', async () => {
    const uploader = new FtpUploader(ftpTarget(plain, 'none', root.writable));
    const info = await uploader.connect();
    expect(info.checksums).toEqual([]);
    const path = join(root.writable, 'crc.sfv');
    await uploader.upload(path, bufferSource(Buffer.from('abc')), { offset: 0 });
    const report = await uploader.verify(path, { size: 3, crc32: () => Promise.resolve(1) });
    expect(report).toEqual({ size: 3 });
    await uploader.close();
  });
});
