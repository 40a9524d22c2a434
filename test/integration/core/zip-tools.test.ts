/**
 * eBOOK disks written to real files and read by independent tools: `unzip -t` (Info-ZIP) checks
 * every CRC, bsdtar extracts, and our verifier reads them through a file-backed source.
 */
import {
  createReadStream,
  createWriteStream,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipDiskNames } from '../../../src/core/zip/disk-names.js';
import { verifyZip, type ZipSource } from '../../../src/core/zip/zip-reader.js';
import { writeZip } from '../../../src/core/zip/zip-writer.js';
import { hasTool } from '../../support/tools.js';
import { patternBytes } from '../../unit/core/rar/support.js';
import { quote, sh, sha256, tempDir } from './support.js';

const root = tempDir('zip-tools');
const MTIME = new Date('2024-03-15T13:45:31Z');
const DIZ = Buffer.from('Some.Book.2024.RETAiL.eBOOK-GRP\r\n[01/02]\r\n', 'latin1');
const NFO = Buffer.from('scenepacker integration NFO\r\n', 'latin1');
const VOLUME = patternBytes(2_000_000, 41);
const [STORED = '', DEFLATED = ''] = zipDiskNames('grpbok', 2);

function fileSource(path: string): ZipSource {
  return {
    size: statSync(path).size,
    createReadStream: (start, end) => createReadStream(path, { start, end: end - 1 }),
  };
}

async function writeDisk(name: string, compress: boolean): Promise<void> {
  const volumePath = join(root.path, 'grp-book.rar');
  writeFileSync(volumePath, VOLUME);
  const entries = [
    { name: 'FILE_ID.DIZ', mtime: MTIME, data: DIZ },
    { name: 'grp-book.nfo', mtime: MTIME, data: NFO },
    {
      name: 'grp-book.rar',
      mtime: MTIME,
      size: VOLUME.length,
      open: () => createReadStream(volumePath),
    },
  ];
  await writeZip(entries, createWriteStream(join(root.path, name)), { compress });
}

beforeAll(async () => {
  await writeDisk(STORED, false);
  await writeDisk(DEFLATED, true);
});

afterAll(() => {
  root.remove();
});

describe.skipIf(!hasTool('unzip'))('unzip -t (Info-ZIP)', () => {
  it.each([[STORED], [DEFLATED]])('tests %s without errors', (name) => {
    const ran = sh(`unzip -t ${quote(name)}`, root.path);
    expect(ran.status, ran.stdout).toBe(0);
    expect(ran.stdout).toContain('No errors detected');
    expect(ran.stdout).toContain('testing: grp-book.rar');
  });

  it.each([['grpbok01.zip'], ['grpbok01-deflate.zip']])('tests the golden fixture %s', (name) => {
    const fixtures = new URL('../../fixtures/zip/', import.meta.url).pathname;
    const ran = sh(`unzip -t ${quote(name)}`, fixtures);
    expect(ran.status, ran.stdout).toBe(0);
    expect(ran.stdout).toContain('No errors detected');
  });

  it('fails on a flipped data byte', () => {
    const bytes = readFileSync(join(root.path, STORED));
    bytes[bytes.length - 500_000] = (bytes[bytes.length - 500_000] ?? 0) ^ 1;
    writeFileSync(join(root.path, 'damaged.zip'), bytes);
    const ran = sh('unzip -t damaged.zip', root.path);
    expect(ran.status).not.toBe(0);
    expect(ran.stdout).toContain('bad CRC');
  });
});

describe.skipIf(!hasTool('bsdtar'))('bsdtar', () => {
  it.each([[STORED], [DEFLATED]])('extracts %s to the same bytes', (name) => {
    const ran = sh(`bsdtar -xOf ${quote(name)} grp-book.rar | sha256sum`, root.path);
    expect(ran.stdout.slice(0, 64)).toBe(sha256(VOLUME));
    expect(
      sh(`bsdtar -tf ${quote(name)}`, root.path)
        .stdout.trim()
        .split('\n'),
    ).toEqual(['FILE_ID.DIZ', 'grp-book.nfo', 'grp-book.rar']);
  });
});

describe('our verifier on the files', () => {
  it.each([[STORED], [DEFLATED]])('accepts %s', async (name) => {
    const result = await verifyZip(fileSource(join(root.path, name)));
    expect(result.findings).toEqual([]);
    expect(result.entries.every((entry) => entry.verified)).toBe(true);
  });

  it('finds the flipped data byte', async () => {
    const bytes = readFileSync(join(root.path, STORED));
    bytes[bytes.length - 500_000] = (bytes[bytes.length - 500_000] ?? 0) ^ 1;
    writeFileSync(join(root.path, 'damaged-ours.zip'), bytes);
    const result = await verifyZip(fileSource(join(root.path, 'damaged-ours.zip')));
    expect(result.findings.map((item) => item.rule)).toEqual(['zip.crc_mismatch']);
  });
});
