/**
 * The SFV written for a real RAR set (rar-format.md §10.6): each line's CRC must equal the
 * CRC-32 that 7-Zip computes for the volume file, and our verifier must accept the set and
 * catch a changed volume.
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32OfStream } from '../../../src/core/crc/crc32.js';
import { writeRar } from '../../../src/core/rar/rar-writer.js';
import { parseSfv, renderSfv, verifySfv } from '../../../src/core/sfv/sfv.js';
import { hasTool } from '../../support/tools.js';
import { chunked, patternBytes } from '../../unit/core/rar/support.js';
import { directorySource, fileVolumes, quote, sh, tempDir } from './support.js';

const root = tempDir('sfv');

afterAll(() => {
  root.remove();
});

async function writeSetWithSfv(): Promise<{ names: string[]; sfv: string }> {
  const data = patternBytes(2_500_000, 31);
  const result = await writeRar(
    [{ name: 'show.mkv', size: data.length, mtime: new Date(0), open: chunked(data, 65_536) }],
    { baseName: 'grp-show', volumeSize: 500_000, openVolume: fileVolumes(root.path) },
  );
  const sfv = renderSfv(result.volumes, { comments: ['grp-show'] });
  writeFileSync(join(root.path, 'grp-show.sfv'), sfv);
  return { names: result.volumes.map((volume) => volume.name), sfv };
}

const crcOfFile = async (name: string): Promise<number | undefined> => {
  try {
    return (await crc32OfStream(createReadStream(join(root.path, name)))).crc32;
  } catch {
    return undefined;
  }
};

describe('SFV of a RAR set', () => {
  it.skipIf(!hasTool('7z'))(
    'lists the CRC-32 that 7-Zip computes for every volume file',
    async () => {
      const { names, sfv } = await writeSetWithSfv();
      const ran = sh(`7z h -scrcCRC32 ${names.map(quote).join(' ')}`, root.path);
      expect(ran.status, ran.stderr).toBe(0);
      const fromSevenZip = new Map(
        [...ran.stdout.matchAll(/^([0-9A-F]{8})\s+\d+\s+(\S+)$/gm)].map((match) => [
          match[2],
          match[1],
        ]),
      );
      const fromSfv = new Map(
        parseSfv(sfv).entries.map((entry) => [
          entry.name,
          entry.crc32.toString(16).toUpperCase().padStart(8, '0'),
        ]),
      );
      expect(fromSevenZip.size).toBe(names.length);
      expect(fromSfv).toEqual(fromSevenZip);
    },
  );

  it('verifies against the files on disk and catches a changed volume', async () => {
    const { names } = await writeSetWithSfv();
    const parsed = parseSfv(readFileSync(join(root.path, 'grp-show.sfv')));
    const access = {
      crcOf: crcOfFile,
      names: directorySource(root.path).files.map((file) => file.name),
      mustList: names,
    };
    expect((await verifySfv(parsed, access)).ok).toBe(true);
    const changed = readFileSync(join(root.path, names[1]!));
    changed[1000] = (changed[1000] ?? 0) ^ 1;
    writeFileSync(join(root.path, names[1]!), changed);
    const result = await verifySfv(parsed, access);
    expect(result.findings.map((item) => [item.rule, item.file])).toEqual([
      ['sfv.crc_mismatch', names[1]],
    ]);
  });
});
