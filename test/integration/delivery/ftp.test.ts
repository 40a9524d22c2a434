import { describe } from 'vitest';
import { FtpUploader } from '../../../src/delivery/ftp/ftp-uploader.js';
import type { DeliveryTarget } from '../../../src/delivery/ports.js';
import { makeRemoteRoot } from '../../support/servers/remote-root.js';
import { startVsftpd, type FtpTls, type VsftpdServer } from '../../support/servers/vsftpd.js';
import { cannotRunServers, readOrUndefined } from './servers.js';
import { describeUploaderContract } from './uploader-contract.js';

const skip = cannotRunServers('vsftpd') || cannotRunServers('openssl');

export function ftpTarget(server: VsftpdServer, tls: FtpTls, remotePath: string): DeliveryTarget {
  const protocol = tls === 'none' ? 'ftp' : tls === 'explicit' ? 'ftps' : 'ftps-implicit';
  return {
    protocol,
    host: server.host,
    port: server.port,
    username: server.user.name,
    password: server.user.password,
    tlsFingerprint: server.certFingerprint,
    remotePath,
    timeoutMs: 10_000,
  };
}

describe.skipIf(skip)('FtpUploader against vsftpd', () => {
  for (const tls of ['none', 'explicit', 'implicit'] as const) {
    describeUploaderContract(`FtpUploader (${tls} TLS)`, async () => {
      const server = await startVsftpd({ tls });
      const root = makeRemoteRoot(server.user);
      return {
        uploader: () => new FtpUploader(ftpTarget(server, tls, root.writable)),
        base: root.writable,
        read: readOrUndefined,
        readOnlyDir: root.locked,
        teardown: async () => {
          await server.stop();
          root.remove();
        },
      };
    });
  }
});
