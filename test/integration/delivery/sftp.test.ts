import { describe } from 'vitest';
import { SftpUploader } from '../../../src/delivery/sftp/sftp-uploader.js';
import { makeRemoteRoot } from '../../support/servers/remote-root.js';
import { sshdPath, startSshd } from '../../support/servers/sshd.js';
import { cannotRunServers, readOrUndefined, sftpTarget } from './servers.js';
import { describeUploaderContract } from './uploader-contract.js';

const skip = cannotRunServers(sshdPath() ?? 'sshd') || cannotRunServers('ssh-keygen');

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
