import { describe } from 'vitest';
import type { DeliveryTarget } from '../../../src/delivery/ports.js';
import { SftpUploader } from '../../../src/delivery/sftp/sftp-uploader.js';
import { makeRemoteRoot } from '../../support/servers/remote-root.js';
import { sshdPath, startSshd, type SshdServer } from '../../support/servers/sshd.js';
import { cannotRunServers, readOrUndefined } from './servers.js';
import { describeUploaderContract } from './uploader-contract.js';

const skip = cannotRunServers(sshdPath() ?? 'sshd') || cannotRunServers('ssh-keygen');

export function sftpTarget(
  server: SshdServer,
  remotePath: string,
  auth: 'password' | 'key' | 'encrypted-key' = 'password',
): DeliveryTarget {
  return {
    protocol: 'sftp',
    host: server.host,
    port: server.port,
    username: server.user.name,
    ...(auth === 'password' ? { password: server.user.password } : {}),
    ...(auth === 'key' ? { privateKey: server.privateKey } : {}),
    ...(auth === 'encrypted-key'
      ? { privateKey: server.encryptedKey, passphrase: server.passphrase }
      : {}),
    hostKeyFingerprint: server.hostKeyFingerprint,
    remotePath,
    timeoutMs: 10_000,
  };
}

describe.skipIf(skip)('SftpUploader against OpenSSH sshd', () => {
  for (const auth of ['password', 'encrypted-key'] as const) {
    describeUploaderContract(`SftpUploader (${auth})`, async () => {
      const server = await startSshd();
      const root = makeRemoteRoot(server.user);
      return {
        uploader: () => new SftpUploader(sftpTarget(server, root.writable, auth)),
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
