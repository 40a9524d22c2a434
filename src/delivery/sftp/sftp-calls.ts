/**
 * ssh2's SFTP callbacks as promises, plus what an SFTP status means for a delivery. A request
 * whose connection dies never gets its callback, so every call also settles when the connection
 * closes.
 */
import type { Client, SFTPWrapper, Stats } from 'ssh2';
import { mapNetworkError, messageOf } from '../errors.js';
import { DeliveryError, type DeliveryStep } from '../ports.js';

/** SSH_FXP_OPEN flags and SSH_FX status codes (draft-ietf-secsh-filexfer-02, what OpenSSH speaks). */
export const OPEN = { WRITE: 0x02, CREAT: 0x08, TRUNC: 0x10 } as const;
export const STATUS = {
  NO_SUCH_FILE: 2,
  PERMISSION_DENIED: 3,
  FAILURE: 4,
  NO_CONNECTION: 6,
  CONNECTION_LOST: 7,
  OP_UNSUPPORTED: 8,
} as const;

export function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Runs one SFTP request; rejects with a dropped-connection error if the connection closes first. */
export function call<T>(
  connection: Client,
  request: (done: (error: Error | null | undefined, value?: T) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onClose = (): void => {
      reject(Object.assign(new Error('The SSH connection closed'), { code: 'ECONNRESET' }));
    };
    connection.once('close', onClose);
    try {
      request((error, value) => {
        connection.removeListener('close', onClose);
        if (error) {
          reject(error);
        } else {
          resolve(value as T);
        }
      });
    } catch (error) {
      connection.removeListener('close', onClose);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

export function statPath(connection: Client, sftp: SFTPWrapper, path: string): Promise<Stats> {
  return call<Stats>(connection, (done) => {
    sftp.stat(path, done);
  });
}

/** Free bytes for the user on the file system holding `dir`, when the server can tell. */
export async function freeBytes(
  connection: Client,
  sftp: SFTPWrapper,
  dir: string,
): Promise<number | undefined> {
  try {
    const info = await call<{ f_bavail: number; f_frsize: number }>(connection, (done) => {
      sftp.ext_openssh_statvfs(dir, done);
    });
    return info.f_bavail * info.f_frsize;
  } catch {
    // No statvfs@openssh.com on this server: the caller reports the plain failure.
    return undefined;
  }
}

interface Where {
  step: DeliveryStep;
  path?: string;
  host?: string;
}

/** The delivery error of an SFTP status or a dropped connection. */
export function mapSftpError(error: unknown, where: Where): DeliveryError | undefined {
  const status = statusOf(error);
  const reply = messageOf(error);
  const options = { ...where, serverReply: reply, cause: error };
  if (status === STATUS.NO_SUCH_FILE) {
    return new DeliveryError(
      'delivery.path_missing',
      `${where.path ?? 'The path'} does not exist`,
      options,
    );
  }
  if (status === STATUS.PERMISSION_DENIED) {
    return new DeliveryError(
      'delivery.not_writable',
      `Permission denied on ${where.path ?? 'the path'}`,
      options,
    );
  }
  if (status === STATUS.NO_CONNECTION || status === STATUS.CONNECTION_LOST) {
    return new DeliveryError(
      where.step === 'upload' ? 'delivery.transfer_failed' : 'delivery.connection_failed',
      `The SSH connection was lost: ${reply}`,
      options,
    );
  }
  if (status !== undefined) {
    return new DeliveryError('delivery.transfer_failed', `The server answered: ${reply}`, {
      ...options,
      retryable: false,
    });
  }
  return mapNetworkError(error, where);
}
