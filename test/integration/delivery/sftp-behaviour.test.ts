/**
 * SFTP behaviours beyond the shared contract, against OpenSSH: key logins, refused keys and
 * passphrases, a server that stops answering, and the fingerprint format users pin.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryTarget } from '../../../src/delivery/ports.js';
import { SftpUploader } from '../../../src/delivery/sftp/sftp-uploader.js';
import type { AppError } from '../../../src/shared/errors.js';
import { makeRemoteRoot, type RemoteRoot } from '../../support/servers/remote-root.js';
import { sshdPath, startSshd, type SshdServer } from '../../support/servers/sshd.js';
import { TcpProxy } from '../../support/servers/tcp-proxy.js';
import { cannotRunServers, readOrUndefined, sftpTarget } from './servers.js';
import { bufferSource, sha256 } from './uploader-contract.js';

const skip = cannotRunServers(sshdPath() ?? 'sshd') || cannotRunServers('ssh-keygen');

let ssh: SshdServer;
let root: RemoteRoot;

async function connectError(target: DeliveryTarget): Promise<AppError> {
  const uploader = new SftpUploader(target);
  try {
    await uploader.connect();
  } catch (error) {
    return error as AppError;
  } finally {
    await uploader.close();
  }
  throw new Error('connect() succeeded');
}

function strangerKey(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sp-key-'));
  try {
    spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'k')]);
    return readFileSync(join(dir, 'k'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(skip)('SftpUploader behaviours against OpenSSH', () => {
  beforeAll(async () => {
    ssh = await startSshd();
    root = makeRemoteRoot(ssh.user);
  });

  afterAll(async () => {
    await ssh.stop();
    root.remove();
  });

  it('logs in with an unencrypted key and uploads', async () => {
    const uploader = new SftpUploader(sftpTarget(ssh, root.writable, 'key'));
    const info = await uploader.connect();
    expect(info.banner).toMatch(/^SSH-2\.0-OpenSSH/);
    const bytes = randomBytes(2_000_000);
    const path = join(root.writable, 'key.rar');
    await uploader.upload(path, bufferSource(bytes), { offset: 0 });
    await uploader.close();
    expect(sha256((await readOrUndefined(path))!)).toBe(sha256(bytes));
  });

  it('says auth_failed for a key the server does not know', async () => {
    const target = { ...sftpTarget(ssh, root.writable, 'key'), privateKey: strangerKey() };
    expect((await connectError(target)).code).toBe('delivery.auth_failed');
  });

  it('says auth_failed for a wrong passphrase, naming the key', async () => {
    const target = { ...sftpTarget(ssh, root.writable, 'encrypted-key'), passphrase: 'nope' };
    const error = await connectError(target);
    expect(error.code).toBe('delivery.auth_failed');
    expect(error.message).toMatch(/private key/);
  });

  it('reports the fingerprint exactly as ssh-keygen prints it', async () => {
    const { hostKeyFingerprint: _pinned, ...target } = sftpTarget(ssh, root.writable);
    const error = await connectError(target);
    expect(error.code).toBe('delivery.host_key_unknown');
    expect(error.details).toMatchObject({ fingerprint: ssh.hostKeyFingerprint });
  });

  it('times out on a server that stops answering', async () => {
    const proxy = new TcpProxy({
      targetHost: '127.0.0.1',
      targetPort: ssh.port,
      listenHost: '127.0.0.2',
    });
    await proxy.start();
    proxy.stall();
    try {
      const target = {
        ...sftpTarget(ssh, root.writable),
        host: '127.0.0.2',
        port: proxy.port,
        timeoutMs: 1_000,
      };
      const error = await connectError(target);
      expect(error.code).toBe('delivery.timeout');
      expect(error.retryable).toBe(true);
    } finally {
      await proxy.stop();
    }
  });

  it('times out when writes stop being acknowledged mid-upload', async () => {
    const proxy = new TcpProxy({
      targetHost: '127.0.0.1',
      targetPort: ssh.port,
      listenHost: '127.0.0.2',
    });
    await proxy.start();
    try {
      const target = {
        ...sftpTarget(ssh, root.writable),
        host: '127.0.0.2',
        port: proxy.port,
        timeoutMs: 1_000,
      };
      const uploader = new SftpUploader(target);
      await uploader.connect();
      const source = bufferSource(randomBytes(20_000_000));
      const upload = uploader.upload(join(root.writable, 'stall.rar'), source, {
        offset: 0,
        onProgress: (bytes) => {
          if (bytes > 1_000_000) {
            proxy.stall();
          }
        },
      });
      await expect(upload).rejects.toMatchObject({ code: 'delivery.timeout', retryable: true });
      await uploader.close();
    } finally {
      await proxy.stop();
    }
  });
});
