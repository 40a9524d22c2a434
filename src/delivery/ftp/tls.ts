/**
 * TLS for FTPS: the options, the certificate decision and the session kept for data connections.
 *
 * Node checks the certificate chain and host name itself, but a self-signed site must be
 * accepted by its pinned fingerprint instead, and a refused certificate must still tell the user
 * its fingerprint. So the handshake runs with `rejectUnauthorized: false` and `checkCertificate`
 * decides right after it, before a single command (let alone the password) is sent.
 */
import { isIP, type Socket } from 'node:net';
import { connect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { DeliveryError, type DeliveryStep } from '../ports.js';

export interface TlsSettings {
  host: string;
  /** Pinned SHA-256 of the certificate (hex, any case, colons optional). */
  fingerprint?: string;
  /** Extra trusted CA certificates (PEM). */
  ca?: string;
  maxVersion?: 'TLSv1.2' | 'TLSv1.3';
}

export function tlsOptions(settings: TlsSettings): ConnectionOptions {
  return {
    host: settings.host,
    ...(isIP(settings.host) === 0 ? { servername: settings.host } : {}),
    rejectUnauthorized: false,
    minVersion: 'TLSv1.2',
    ...(settings.maxVersion === undefined ? {} : { maxVersion: settings.maxVersion }),
    ...(settings.ca === undefined ? {} : { ca: settings.ca }),
  };
}

function normalizeFingerprint(value: string): string {
  return value.replace(/[^0-9a-f]/gi, '').toUpperCase();
}

/** Throws `tls_failed` unless the peer is trusted or matches the pinned fingerprint. */
export function checkCertificate(
  socket: TLSSocket,
  settings: TlsSettings,
  step: DeliveryStep,
): void {
  const fingerprint = socket.getPeerCertificate().fingerprint256;
  if (settings.fingerprint !== undefined && settings.fingerprint !== '') {
    if (normalizeFingerprint(settings.fingerprint) !== normalizeFingerprint(fingerprint)) {
      throw new DeliveryError(
        'delivery.tls_failed',
        'The server certificate does not match the pinned fingerprint',
        { step, retryable: false, details: { fingerprint, pinned: settings.fingerprint } },
      );
    }
    return;
  }
  if (!socket.authorized) {
    const reason = String(socket.authorizationError);
    throw new DeliveryError(
      'delivery.tls_failed',
      `The server certificate is not trusted (${reason}); pin its fingerprint ${fingerprint} to accept it`,
      { step, retryable: false, details: { fingerprint, reason } },
    );
  }
}

/**
 * Remembers the control connection's newest TLS session. With TLS 1.3 the session arrives in a
 * ticket after the handshake, and Node documents `getSession()` as TLS 1.2-only; the `session`
 * event covers both. Data connections resume this session, as vsftpd `require_ssl_reuse=YES`,
 * FileZilla Server and others demand.
 */
export class SessionKeeper {
  private latest: Buffer | undefined;

  watch(socket: TLSSocket): void {
    socket.on('session', (session: Buffer) => {
      this.latest = session;
    });
  }

  session(control: TLSSocket): Buffer | undefined {
    return this.latest ?? control.getSession();
  }
}

/** Upgrades a connected socket after `AUTH TLS`; resolves once the handshake is done. */
export function upgradeToTls(
  socket: Socket,
  options: ConnectionOptions,
  keeper: SessionKeeper,
): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = connect({ ...options, socket });
    keeper.watch(secure);
    secure.once('error', reject);
    secure.once('secureConnect', () => {
      secure.removeListener('error', reject);
      resolve(secure);
    });
  });
}
