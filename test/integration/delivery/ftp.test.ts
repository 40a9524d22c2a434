import { describe } from 'vitest';
import { FtpUploader } from '../../../src/delivery/ftp/ftp-uploader.js';
import { makeRemoteRoot } from '../../support/servers/remote-root.js';
import { startVsftpd } from '../../support/servers/vsftpd.js';
import { cannotRunServers, ftpTarget, readOrUndefined } from './servers.js';
import { describeUploaderContract } from './uploader-contract.js';

const skip = cannotRunServers('vsftpd') || cannotRunServers('openssl');

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
