import { describe, expect, it } from 'vitest';
import {
  checksumFeatures,
  isUnroutableIPv4,
  mapFtpReply,
  parseCrcReply,
  parseEpsvReply,
  parsePasvReply,
  passiveHost,
} from '../../../../src/delivery/ftp/replies.js';

describe('passive replies', () => {
  it('reads the EPSV port with any delimiter', () => {
    expect(parseEpsvReply('229 Entering Extended Passive Mode (|||6446|)')).toBe(6446);
    expect(parseEpsvReply('229 Entering Extended Passive Mode (!!!1027!)')).toBe(1027);
    expect(parseEpsvReply('229 nonsense')).toBeUndefined();
    expect(parseEpsvReply('229 (|||70000|)')).toBeUndefined();
  });

  it('reads the PASV host and port', () => {
    expect(parsePasvReply('227 Entering Passive Mode (192,168,1,100,10,229).')).toEqual({
      host: '192.168.1.100',
      port: 10 * 256 + 229,
    });
    expect(parsePasvReply('227 Entering Passive Mode (300,1,1,1,1,1)')).toBeUndefined();
    expect(parsePasvReply('227 garbage')).toBeUndefined();
  });

  it('knows the unroutable ranges', () => {
    for (const address of ['10.1.2.3', '172.16.0.1', '172.31.9.9', '192.168.0.5', '127.0.0.1']) {
      expect(isUnroutableIPv4(address)).toBe(true);
    }
    for (const address of ['0.0.0.0', '169.254.1.1', '100.64.0.1', '::ffff:10.0.0.1']) {
      expect(isUnroutableIPv4(address)).toBe(true);
    }
    for (const address of ['8.8.8.8', '172.32.0.1', '93.184.216.34', 'fe80::1']) {
      expect(isUnroutableIPv4(address)).toBe(false);
    }
  });

  it('replaces a private PASV address by the control host, keeps a public one', () => {
    expect(passiveHost('10.0.0.7', '203.0.113.5')).toBe('203.0.113.5');
    expect(passiveHost('127.0.0.1', '127.0.0.2')).toBe('127.0.0.2');
    expect(passiveHost('198.51.100.9', '203.0.113.5')).toBe('198.51.100.9');
    expect(passiveHost('203.0.113.5', '::ffff:203.0.113.5')).toBe('203.0.113.5');
  });
});

describe('checksum replies', () => {
  it('reads XCRC and HASH answers', () => {
    expect(parseCrcReply('250 1A2B3C4D')).toBe(0x1a2b3c4d);
    expect(parseCrcReply('213 CRC32 0-1023 00ff00ff file.rar')).toBe(0x00ff00ff);
    expect(parseCrcReply('500 Unknown command.')).toBeUndefined();
  });

  it('lists the checksum features a FEAT offers', () => {
    expect(
      checksumFeatures(
        new Map([
          ['XCRC', ''],
          ['HASH', 'SHA-1*;CRC32'],
        ]),
      ),
    ).toEqual(['XCRC', 'HASH']);
    expect(checksumFeatures(new Map([['HASH', 'SHA-256*;MD5']]))).toEqual([]);
  });
});

describe('mapFtpReply', () => {
  const where = { step: 'upload' as const, path: '/x.rar' };
  it.each([
    [530, '530 Login incorrect.', 'delivery.auth_failed', false],
    [530, '530 Non-anonymous sessions must use encryption.', 'delivery.tls_failed', false],
    [522, '522 SSL connection failed: session reuse required', 'delivery.tls_failed', false],
    [552, '552 Disk quota exceeded', 'delivery.quota_exceeded', false],
    [452, '452 Insufficient storage space', 'delivery.quota_exceeded', false],
    [451, '451 Failure writing to local file.', 'delivery.quota_exceeded', false],
    [451, '451 Local error in processing', 'delivery.transfer_failed', true],
    [426, '426 Failure reading network stream.', 'delivery.transfer_failed', true],
    [421, '421 Timeout.', 'delivery.connection_failed', true],
    [553, '553 Could not create file.', 'delivery.not_writable', false],
  ])('%i %s → %s', (code, message, expected, retryable) => {
    const error = mapFtpReply(code, message, where);
    expect(error.code).toBe(expected);
    expect(error.retryable).toBe(retryable);
    expect(error.serverReply).toBe(message);
    expect(error.details).toMatchObject({ step: 'upload', path: '/x.rar', serverReply: message });
  });
});
