/**
 * The checker on releases scenepacker did not assemble: ZIP disks made by Info-ZIP `zip` and by
 * 7-Zip with a hand-written DIZ and NFO, and TV sets whose volumes were renamed, damaged or
 * listed by a hand-made SFV (CRCs from `7z h`). Each verdict is read from `check` on the disk.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRar } from '../../../src/core/rar/rar-writer.js';
import type { CheckReport } from '../../../src/services/packaging/index.js';
import { hasTool } from '../../support/tools.js';
import { chunked, patternBytes } from '../../unit/core/rar/support.js';
import { fileVolumes, sh, tempDir } from '../core/support.js';
import { makeService } from './support.js';

const tools = hasTool('zip') && hasTool('7z');
const MTIME = new Date('2024-03-05T12:00:00Z');
const service = makeService();
const root = tempDir('check-foreign');
const errors = (report: CheckReport): string[] =>
  [...new Set(report.findings.filter((f) => f.level === 'error').map((f) => f.rule))].sort();

async function rarSet(dir: string, base: string, file: string, bytes: Buffer, size: number) {
  mkdirSync(dir, { recursive: true });
  const written = await writeRar(
    [{ name: file, size: bytes.length, mtime: MTIME, open: chunked(bytes, 65_536) }],
    { baseName: base, volumeSize: size, openVolume: fileVolumes(dir) },
  );
  return written.volumes.map((v) => v.name);
}

function diz(disk: number, total: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `Some Author - A Book\r\n2020 RETAiL PDF\r\n\r\n    DISK [${pad(disk)}/${pad(total)}]\r\n`;
}

afterAll(() => {
  root.remove();
});

describe.skipIf(!tools)('eBOOK disks assembled by hand with zip and 7z', () => {
  const name = 'Some.Author.A.Book.2020.RETAiL.eBOOK-HANDGRP';
  const release = join(root.path, name);
  const nfo = `${name.toLowerCase()}.nfo`;

  beforeAll(async () => {
    const work = join(root.path, 'work');
    const volumes = await rarSet(
      work,
      name.toLowerCase(),
      `${name}.pdf`,
      patternBytes(12_000_000, 8),
      5_000_000,
    );
    writeFileSync(
      join(work, nfo),
      `Some Author - A Book (2020)\r\nhttps://shop.example.com/book\r\n`,
    );
    mkdirSync(release);
    writeFileSync(join(release, nfo), readFileSync(join(work, nfo)));
    volumes.forEach((volume, index) => {
      writeFileSync(join(work, 'FILE_ID.DIZ'), diz(index + 1, volumes.length));
      const zip = `hand${String(index + 1).padStart(2, '0')}.zip`;
      const files = `${volume} FILE_ID.DIZ ${nfo}`;
      // Two disks by Info-ZIP (deflated), one by 7-Zip (stored).
      const ran =
        index < 2
          ? sh(`zip -q -X ${join(release, zip)} ${files}`, work)
          : sh(`7z a -tzip -mx0 -bd -bso0 ${join(release, zip)} ${files}`, work);
      expect(ran.status, ran.stderr).toBe(0);
    });
  });

  it('finds no error in a conforming hand-made set', async () => {
    const report = await service.check({ dir: release });
    expect(report.profile).toEqual({ id: 'ebook-2022', detected: true });
    expect(errors(report)).toEqual([]);
  });

  it('reports a DIZ without its counter and a disk missing its NFO', async () => {
    const work = join(root.path, 'work');
    writeFileSync(join(work, 'FILE_ID.DIZ'), 'Some Author - A Book\r\n');
    rmSync(join(release, 'hand02.zip'));
    sh(`zip -q -X ${join(release, 'hand02.zip')} ${name.toLowerCase()}.r00 FILE_ID.DIZ`, work);
    const report = await service.check({ dir: release });
    expect(errors(report)).toEqual(['diz.counter', 'files.disk_nfo']);
    expect(report.findings.find((f) => f.rule === 'diz.counter')?.file).toBe(
      'hand02.zip:FILE_ID.DIZ',
    );
  });
});

describe.skipIf(!tools)('TV sets renamed, damaged and listed by a hand-made SFV', () => {
  const name = 'Show.S01E01.720p.WEB.h264-HANDGRP';
  const stem = name.toLowerCase();
  let volumes: string[];
  let dir: string;

  beforeAll(async () => {
    dir = join(root.path, name);
    volumes = await rarSet(dir, stem, `${name}.mkv`, patternBytes(3_300_000, 9), 1_000_000);
    const lines = volumes.map((volume) => {
      const crc = /CRC32\s+for data:\s+([0-9A-F]{8})/.exec(
        sh(`7z h -scrcCRC32 ${volume}`, dir).stdout,
      )?.[1];
      return `${volume} ${crc?.toLowerCase() ?? ''}`;
    });
    writeFileSync(join(dir, `${stem}.sfv`), `; made by hand\n${lines.join('\n')}\n`);
    writeFileSync(join(dir, `${stem}.nfo`), 'Show S01E01\r\n');
  });

  it('reads the hand-made SFV (lowercase hex, LF) and judges only sizes and the sample', async () => {
    const report = await service.check({ dir });
    expect(report.profile.id).toBe('tv-web-2020');
    // 1,000,000-byte volumes are no WEB size, and this set has no Sample/.
    expect(errors(report)).toEqual(['files.sample', 'volumes.size']);
  });

  it('reports a flipped byte through the RAR CRCs and the SFV', async () => {
    const path = join(dir, volumes[1]!);
    const bytes = readFileSync(path);
    bytes[500_000] = (bytes[500_000] ?? 0) ^ 0x40;
    writeFileSync(path, bytes);
    const report = await service.check({ dir });
    expect(errors(report)).toEqual(
      expect.arrayContaining(['rar.part_crc', 'rar.volume_crc', 'sfv.crc_mismatch']),
    );
  });

  it('reports volumes renamed to .partN.rar', async () => {
    volumes.forEach((volume, index) => {
      renameSync(join(dir, volume), join(dir, `${stem}.part${index + 1}.rar`));
    });
    const report = await service.check({ dir });
    expect(errors(report)).toEqual(
      expect.arrayContaining(['files.rar_first', 'sfv.file_missing', 'sfv.not_listed']),
    );
  });
});
