/**
 * vsftpd on a loopback port from a temp config: plain FTP, explicit FTPS (AUTH TLS) or implicit
 * FTPS, always with `require_ssl_reuse=YES` when TLS is on — the setting that breaks clients which
 * open data connections with a fresh TLS session. The certificate is made at start.
 */
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, freePortRange, startDaemon, waitForPort } from './net.js';
import { ensureTestUser, type TestUser } from './test-user.js';

export type FtpTls = 'none' | 'explicit' | 'implicit';

export interface VsftpdOptions {
  tls?: FtpTls;
  /** Address vsftpd announces in PASV replies (e.g. a private one, as behind NAT). */
  pasvAddress?: string;
  /** Hosts the passive port range must be free on (a mirroring proxy adds its own). */
  pasvHosts?: string[];
}

export interface VsftpdServer {
  host: string;
  port: number;
  /** The passive data ports vsftpd may use. */
  pasvPorts: number[];
  user: TestUser;
  /** SHA-256 of the self-signed certificate, `AA:BB:…`. */
  certFingerprint: string;
  /** The PEM certificate, for clients that trust it as a CA. */
  certPem: string;
  logPath: string;
  stop(): Promise<void>;
}

/** A self-signed certificate for `localhost` and 127.0.0.1. */
function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const made = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '2',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost,IP:127.0.0.1',
  ]);
  if (made.status !== 0) {
    throw new Error(`openssl failed: ${made.stderr.toString()}`);
  }
  return { cert, key };
}

function tlsLines(tls: FtpTls, files: { cert: string; key: string }): string[] {
  if (tls === 'none') {
    return ['ssl_enable=NO'];
  }
  return [
    'ssl_enable=YES',
    `implicit_ssl=${tls === 'implicit' ? 'YES' : 'NO'}`,
    `rsa_cert_file=${files.cert}`,
    `rsa_private_key_file=${files.key}`,
    'force_local_logins_ssl=YES',
    'force_local_data_ssl=YES',
    'require_ssl_reuse=YES',
    'ssl_tlsv1=NO',
    'ssl_sslv2=NO',
    'ssl_sslv3=NO',
    'ssl_ciphers=HIGH',
    // Uploads must end with a TLS close_notify, not a bare FIN: a truncation cannot pass as done.
    'strict_ssl_read_eof=YES',
  ];
}

function config(
  dir: string,
  port: number,
  pasv: number[],
  options: VsftpdOptions,
  files: {
    cert: string;
    key: string;
  },
): string {
  return [
    'listen=YES',
    'listen_ipv6=NO',
    'listen_address=127.0.0.1',
    `listen_port=${String(port)}`,
    'background=NO',
    'anonymous_enable=NO',
    'local_enable=YES',
    'write_enable=YES',
    'local_umask=022',
    'pam_service_name=vsftpd',
    'seccomp_sandbox=NO',
    'isolate=NO',
    'isolate_network=NO',
    `secure_chroot_dir=${join(dir, 'empty')}`,
    'pasv_enable=YES',
    `pasv_min_port=${String(pasv[0])}`,
    `pasv_max_port=${String(pasv.at(-1))}`,
    ...(options.pasvAddress === undefined ? [] : [`pasv_address=${options.pasvAddress}`]),
    'utf8_filesystem=YES',
    'connect_from_port_20=NO',
    'max_per_ip=50',
    'max_clients=100',
    'xferlog_enable=YES',
    'log_ftp_protocol=YES',
    `vsftpd_log_file=${join(dir, 'vsftpd.log')}`,
    ...tlsLines(options.tls ?? 'none', files),
    '',
  ].join('\n');
}

export async function startVsftpd(options: VsftpdOptions = {}): Promise<VsftpdServer> {
  const user = ensureTestUser();
  const dir = mkdtempSync(join(tmpdir(), 'sp-vsftpd-'));
  spawnSync('mkdir', ['-m', '0755', join(dir, 'empty')]);
  const files = makeCertificate(dir);
  const port = await freePort();
  const pasvPorts = await freePortRange(12, options.pasvHosts ?? ['127.0.0.1']);
  const confPath = join(dir, 'vsftpd.conf');
  writeFileSync(confPath, config(dir, port, pasvPorts, options, files));
  const logPath = join(dir, 'stdout.log');
  const daemon = startDaemon('vsftpd', [confPath], logPath);
  await waitForPort(port, '127.0.0.1');
  const certPem = readFileSync(files.cert, 'utf8');
  return {
    host: '127.0.0.1',
    port,
    pasvPorts,
    user,
    certFingerprint: new X509Certificate(certPem).fingerprint256,
    certPem,
    logPath: join(dir, 'vsftpd.log'),
    stop: async () => {
      await daemon.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
