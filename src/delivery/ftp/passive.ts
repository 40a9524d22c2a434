/**
 * Opening passive data connections — our replacement for basic-ftp's transfer strategy, because
 * we need three things it does not do: fall back from EPSV to PASV once and remember it, replace
 * an unroutable PASV address by the control host, and resume the control connection's TLS session
 * from the newest ticket (TLS 1.3) while checking the certificate when the server did not resume.
 */
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls, type TLSSocket } from 'node:tls';
import { FTPError, type FTPContext, type FTPResponse } from 'basic-ftp';
import { parseEpsvReply, parsePasvReply, passiveHost } from './replies.js';
import { checkCertificate, tlsOptions, type SessionKeeper, type TlsSettings } from './tls.js';

export interface PassiveState {
  /** Skip EPSV entirely (set by the destination, or learnt when the server refused it). */
  pasvOnly: boolean;
  /** TLS settings when the control connection is encrypted. */
  tls: TlsSettings | undefined;
  keeper: SessionKeeper;
}

/** Codes of a server that does not know or allow EPSV. */
const EPSV_REFUSED = new Set([500, 501, 502, 504, 522]);

function openSocket(host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp({ host, port });
    socket.setTimeout(timeoutMs);
    const fail = (error: Error): void => {
      socket.destroy();
      reject(error);
    };
    socket.once('error', fail);
    socket.once('timeout', () => {
      fail(
        Object.assign(new Error(`data connection to ${host}:${String(port)} timed out`), {
          code: 'ETIMEDOUT',
        }),
      );
    });
    socket.once('connect', () => {
      socket.removeListener('error', fail);
      socket.setTimeout(0);
      resolve(socket);
    });
  });
}

async function requestEndpoint(
  ftp: FTPContext,
  state: PassiveState,
): Promise<{ response: FTPResponse; host: string; port: number }> {
  const controlHost = ftp.socket.remoteAddress ?? '';
  if (!state.pasvOnly) {
    try {
      const response = await ftp.request('EPSV');
      const port = parseEpsvReply(response.message);
      if (port !== undefined) {
        return { response, host: controlHost, port };
      }
    } catch (error) {
      if (!(error instanceof FTPError && EPSV_REFUSED.has(error.code))) {
        throw error;
      }
    }
    state.pasvOnly = true;
  }
  const response = await ftp.request('PASV');
  const endpoint = parsePasvReply(response.message);
  if (endpoint === undefined) {
    throw new Error(`Cannot read the PASV reply: ${response.message}`);
  }
  return { response, host: passiveHost(endpoint.host, controlHost), port: endpoint.port };
}

function secureData(
  socket: Socket,
  ftp: FTPContext,
  state: PassiveState,
  settings: TlsSettings,
): { secure: TLSSocket; settled: Promise<void> } {
  const control = ftp.socket as TLSSocket;
  const session = state.keeper.session(control);
  const secure = connectTls({
    ...tlsOptions(settings),
    socket,
    ...(session === undefined ? {} : { session }),
  });
  const ready = new Promise<void>((resolve) => {
    secure.once('secureConnect', () => {
      // A resumed session proves it is the server we checked at login; a new one is checked again.
      try {
        if (!secure.isSessionReused()) {
          checkCertificate(secure, settings, 'upload');
        }
        resolve();
      } catch (error) {
        ftp.closeWithError(error as Error);
      }
    });
  });
  return { secure, settled: settle(ready) };
}

/**
 * Resolves when ending the connection cannot lose the TLS close_notify. Node emits
 * `secureConnect` (and `session`) from inside OpenSSL's callbacks, and a shutdown started there
 * sends no close_notify — vsftpd then rejects the upload as truncated (426). One turn of the
 * event loop later the shutdown is clean.
 */
function settle(ready: Promise<void>): Promise<void> {
  return ready.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
}

export interface DataConnection {
  socket: Socket | TLSSocket;
  /**
   * Resolves once bytes may flow: the connection is open and, under TLS, its handshake has
   * finished and been checked. (basic-ftp would start as soon as `getCipher()` answers, which a
   * resumed TLS 1.3 session does mid-handshake: an empty file then closes the connection before
   * the handshake ends — vsftpd: "SSL_accept failed: unexpected eof" — and bytes could be queued
   * before the certificate check.)
   */
  ready: Promise<void>;
}

/** EPSV (or PASV) and a connected, possibly TLS-wrapped, data socket. */
export async function openDataConnection(
  ftp: FTPContext,
  state: PassiveState,
): Promise<DataConnection> {
  const { host, port } = await requestEndpoint(ftp, state);
  const socket = await openSocket(host, port, ftp.timeout);
  if (state.tls === undefined) {
    return { socket, ready: Promise.resolve() };
  }
  const secured = secureData(socket, ftp, state, state.tls);
  return { socket: secured.secure, ready: secured.settled };
}
