/**
 * Opening an FTP session: TCP (or TLS from the first byte), `AUTH TLS` and the certificate check
 * before any credential leaves, login, then binary mode, UTF-8 and protected data channels.
 */
import type { TLSSocket } from 'node:tls';
import { FTPError, type Client } from 'basic-ftp';
import { DeliveryError } from '../ports.js';
import {
  checkCertificate,
  tlsOptions,
  upgradeToTls,
  type SessionKeeper,
  type TlsSettings,
} from './tls.js';

export interface SessionSettings {
  host: string;
  port: number;
  username: string;
  password: string;
  implicit: boolean;
  /** Undefined for plain FTP. */
  tls: TlsSettings | undefined;
  keeper: SessionKeeper;
}

export interface OpenSession {
  welcome: string;
  /** The login folder, where relative paths start. */
  home: string;
  features: Map<string, string>;
  security: string;
}

async function authTls(client: Client): Promise<void> {
  try {
    await client.send('AUTH TLS');
  } catch (error) {
    if (error instanceof FTPError) {
      throw new DeliveryError(
        'delivery.tls_failed',
        `The server does not offer TLS: ${error.message}`,
        {
          step: 'connect',
          serverReply: error.message,
          retryable: false,
        },
      );
    }
    throw error;
  }
}

async function secure(
  client: Client,
  settings: SessionSettings,
  tls: TlsSettings,
): Promise<string> {
  const options = tlsOptions(tls);
  if (settings.implicit) {
    const welcome = client.connectImplicitTLS(settings.host, settings.port, options);
    // The TLS 1.3 ticket may arrive before the greeting: listen from the first moment.
    settings.keeper.watch(client.ftp.socket as TLSSocket);
    const reply = await welcome;
    checkCertificate(client.ftp.socket as TLSSocket, tls, 'connect');
    return reply.message;
  }
  const welcome = await client.connect(settings.host, settings.port);
  await authTls(client);
  const upgraded = await upgradeToTls(client.ftp.socket, options, settings.keeper);
  checkCertificate(upgraded, tls, 'connect');
  client.ftp.socket = upgraded;
  client.ftp.tlsOptions = options;
  return welcome.message;
}

export async function openSession(client: Client, settings: SessionSettings): Promise<OpenSession> {
  const welcome =
    settings.tls === undefined
      ? (await client.connect(settings.host, settings.port)).message
      : await secure(client, settings, settings.tls);
  // Before USER too: some servers take non-ASCII names and passwords only once UTF-8 is on.
  await client.sendIgnoringError('OPTS UTF8 ON');
  await client.login(settings.username, settings.password);
  const features = await client.features();
  await client.send('TYPE I');
  await client.sendIgnoringError('OPTS UTF8 ON');
  if (settings.tls !== undefined) {
    await client.send('PBSZ 0');
    await client.send('PROT P');
  }
  const socket = client.ftp.socket as Partial<TLSSocket>;
  return {
    welcome,
    home: await client.pwd(),
    features,
    security: socket.getProtocol?.() ?? 'none',
  };
}
