/** Shared setup of the delivery integration tests: who may run them, and reading server disks. */
import { readFile } from 'node:fs/promises';
import type { DeliveryTarget } from '../../../src/delivery/ports.js';
import type { SshdServer } from '../../support/servers/sshd.js';
import type { FtpTls, VsftpdServer } from '../../support/servers/vsftpd.js';
import { hasTool } from '../../support/tools.js';
import { canManageUsers } from '../../support/servers/test-user.js';

/** The loopback servers need root (a test user, chown, mounts); say so loudly otherwise. */
export function cannotRunServers(tool: string): boolean {
  if (!canManageUsers()) {
    console.warn(`\n!!! SKIPPING ${tool} tests: they must run as root to create the test user\n`);
    return true;
  }
  return !hasTool(tool);
}

export async function readOrUndefined(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

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
