/**
 * The RAR4 writer proven by independent readers (rar-format.md §10): lsar -t checks per-part
 * and whole-file CRCs, unar and bsdtar extract (bsdtar checks header CRCs but no stored-data
 * CRC, so its bytes are compared), rarfile reads in strict mode. The damaged sets must fail in
 * lsar and in our own verifier.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRar } from '../../../src/core/rar/rar-reader.js';
import { writeRar } from '../../../src/core/rar/rar-writer.js';
import { hasTool } from '../../support/tools.js';
import { FIXTURE_DIR, GOLDEN_CASES } from '../../unit/core/rar/golden-cases.js';
import { chunked, patternBytes } from '../../unit/core/rar/support.js';
import {
  directorySource,
  fileVolumes,
  quote,
  readWithRarfile,
  rarfilePython,
  sh,
  sha256,
  tempDir,
} from './support.js';

interface SetCase {
  id: string;
  volumeSize: number;
  files: { name: string; data: Buffer }[];
}

const MTIME = new Date('2024-03-15T13:45:31.250Z');

const CASES: SetCase[] = [
  {
    id: 'single',
    volumeSize: 50_000_000,
    files: [{ name: 'episode.mkv', data: patternBytes(100_000, 21) }],
  },
  {
    id: 'multi',
    volumeSize: 1_000_000,
    files: [{ name: 'show.s01e01.720p.web.h264-grp.mkv', data: patternBytes(3_333_333, 22) }],
  },
  {
    id: 'unicode',
    volumeSize: 100_000,
    files: [{ name: 'Ærø – 日本語 😀.epub', data: patternBytes(250_000, 23) }],
  },
  {
    id: 'two-files',
    volumeSize: 100_000,
    files: [
      { name: 'book.pdf', data: patternBytes(150_000, 24) },
      { name: 'extras/bonus.zip', data: patternBytes(80_000, 25) },
    ],
  },
];

interface Written {
  dir: string;
  volumes: string[];
  files: SetCase['files'];
}

const root = tempDir('rar-tools');
const written = new Map<string, Written>();

async function writeCase(setCase: SetCase, dir: string): Promise<Written> {
  mkdirSync(dir, { recursive: true });
  const result = await writeRar(
    setCase.files.map((file) => ({
      name: file.name,
      size: file.data.length,
      mtime: MTIME,
      open: chunked(file.data, 65_536),
    })),
    { baseName: `grp-${setCase.id}`, volumeSize: setCase.volumeSize, openVolume: fileVolumes(dir) },
  );
  return { dir, volumes: result.volumes.map((volume) => volume.name), files: setCase.files };
}

beforeAll(async () => {
  for (const setCase of CASES) {
    written.set(setCase.id, await writeCase(setCase, join(root.path, setCase.id)));
  }
  for (const golden of GOLDEN_CASES) {
    const dir = join(root.path, `golden-${golden.id}`);
    cpSync(new URL(`${golden.id}/`, FIXTURE_DIR), dir, { recursive: true });
    const volumes = [
      `${golden.baseName}.rar`,
      ...['r00', 'r01', 'r02'].map((ext) => `${golden.baseName}.${ext}`),
    ];
    written.set(`golden-${golden.id}`, {
      dir,
      volumes: volumes.filter((name) => sh(`test -f ${quote(name)}`, dir).status === 0),
      files: golden.files,
    });
  }
});

afterAll(() => {
  root.remove();
});

const allSets = (): [string][] =>
  [...CASES.map((item) => item.id), ...GOLDEN_CASES.map((item) => `golden-${item.id}`)].map(
    (id) => [id],
  );
const get = (id: string): Written => written.get(id)!;
const catVolumes = (set: Written): string => `cat ${set.volumes.map(quote).join(' ')}`;

function expectSameFiles(set: Written, outDir: string): void {
  for (const file of set.files) {
    expect(sha256(readFileSync(join(outDir, file.name))), file.name).toBe(sha256(file.data));
  }
}

describe.skipIf(!hasTool('lsar') || !hasTool('unar'))('lsar and unar (The Unarchiver)', () => {
  it.each(allSets())('lsar -t passes %s and lists its files', (id) => {
    const set = get(id);
    const ran = sh(`lsar -t ${quote(set.volumes[0]!)}`, set.dir);
    expect(ran.status, ran.stdout + ran.stderr).toBe(0);
    expect(ran.stdout).toContain(`${set.files.length} passed, 0 failed.`);
    for (const file of set.files) {
      expect(ran.stdout).toContain(`${file.name}... OK.`);
    }
    if (set.volumes.length > 1) {
      expect(ran.stdout).toContain(`RAR (${set.volumes.length} volumes)`);
    }
  });

  it.each(allSets())('unar extracts %s byte for byte', (id) => {
    const set = get(id);
    const out = join(root.path, `unar-${id}`);
    const ran = sh(`unar -q -D -o ${quote(out)} ${quote(set.volumes[0]!)}`, set.dir);
    expect(ran.status, ran.stderr).toBe(0);
    expectSameFiles(set, out);
  });
});

describe.skipIf(!hasTool('bsdtar'))('bsdtar (libarchive) on the concatenated volumes', () => {
  it.each(allSets())('lists and extracts %s byte for byte', (id) => {
    const set = get(id);
    const listed = sh(`${catVolumes(set)} | bsdtar -tf -`, set.dir);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout.trim().split('\n')).toEqual(set.files.map((file) => file.name));
    const out = join(root.path, `bsdtar-${id}`);
    mkdirSync(out);
    const ran = sh(`${catVolumes(set)} | bsdtar -xf - -C ${quote(out)}`, set.dir);
    expect(ran.status, ran.stderr).toBe(0);
    expectSameFiles(set, out);
  });
});

const python = rarfilePython();

describe.skipIf(python === undefined)('rarfile (python3-rarfile, strict errors)', () => {
  it.each(allSets())('finds every volume of %s and reads identical bytes', (id) => {
    const set = get(id);
    const report = readWithRarfile(python!, set.volumes[0]!, set.dir);
    expect(report.error).toBeUndefined();
    expect(report.volumes).toEqual(set.volumes);
    expect(report.entries?.map((entry) => [entry.name, entry.size, entry.sha256])).toEqual(
      set.files.map((file) => [file.name, file.data.length, sha256(file.data)]),
    );
    // rarfile applies EXT_TIME: the odd second survives the 2-second DOS field.
    expect(report.entries?.[0]?.date).toEqual([2024, 3, 15, 13, 45, 31]);
  });
});

describe('our verifier on the files the tools read', () => {
  it.each(allSets())('accepts %s', async (id) => {
    const result = await verifyRar(directorySource(get(id).dir));
    expect(result.findings).toEqual([]);
    expect(result.entries.map((entry) => entry.verified)).toEqual(get(id).files.map(() => true));
  });
});

/** A fresh copy of the multi-volume set to damage. */
function damaged(label: string, damage: (set: Written) => void): Written {
  const source = get('multi');
  const dir = join(root.path, `damaged-${label}`);
  cpSync(source.dir, dir, { recursive: true });
  const set = { ...source, dir };
  damage(set);
  return set;
}

function flipByte(set: Written, volume: string, offset: number): void {
  const path = join(set.dir, volume);
  const bytes = readFileSync(path);
  bytes[offset] = (bytes[offset] ?? 0) ^ 0x20;
  writeFileSync(path, bytes);
}

/** Offsets in the volumes our writer makes: MARK 7 + MAIN 13, then the file header. */
const FILE_HEADER = 20;
const NAME_OFFSET = FILE_HEADER + 32 + 3;
const DATA_OFFSET = FILE_HEADER + 32 + 'show.s01e01.720p.web.h264-grp.mkv'.length + 5;

const DAMAGE: [string, (set: Written) => void, string][] = [
  [
    'a flipped data byte in a middle volume',
    (set) => {
      flipByte(set, set.volumes[1]!, DATA_OFFSET + 1000);
    },
    'rar.part_crc',
  ],
  [
    'a flipped data byte in the last volume',
    (set) => {
      flipByte(set, set.volumes.at(-1)!, DATA_OFFSET + 10);
    },
    'rar.file_crc',
  ],
  [
    'a flipped header byte (file name)',
    (set) => {
      flipByte(set, set.volumes[0]!, NAME_OFFSET);
    },
    'rar.header_crc',
  ],
  [
    'a truncated volume',
    (set) => {
      truncateSync(join(set.dir, set.volumes[1]!), 400_000);
    },
    'rar.truncated',
  ],
  [
    'a missing volume',
    (set) => {
      rmSync(join(set.dir, set.volumes[2]!));
    },
    'rar.volume_missing',
  ],
];

describe('damaged sets', () => {
  it.each(DAMAGE)('our verifier reports %s', async (label, damage, rule) => {
    const set = damaged(`ours-${label}`, damage);
    const result = await verifyRar(directorySource(set.dir));
    expect(result.ok).toBe(false);
    expect(
      result.findings.filter((item) => item.level === 'error').map((item) => item.rule),
    ).toContain(rule);
  });

  it.skipIf(!hasTool('lsar')).each(DAMAGE)('lsar -t reports %s', (label, damage) => {
    const set = damaged(`lsar-${label}`, damage);
    const ran = sh(`lsar -t ${quote(set.volumes[0]!)}`, set.dir);
    expect(ran.status, ran.stdout).not.toBe(0);
    expect(ran.stdout).not.toContain('1 passed, 0 failed.');
  });

  it.skipIf(python === undefined).each(DAMAGE.filter(([label]) => !label.includes('truncated')))(
    'rarfile reports %s',
    (label, damage) => {
      const set = damaged(`rarfile-${label}`, damage);
      const report = readWithRarfile(python!, set.volumes[0]!, set.dir);
      const changed = report.entries?.some((entry) => entry.sha256 !== sha256(set.files[0]!.data));
      expect(report.error !== undefined || changed === true, JSON.stringify(report)).toBe(true);
    },
  );

  it.skipIf(!hasTool('bsdtar'))(
    'bsdtar fails on a header CRC error and a missing volume, and extracts wrong bytes for a data flip',
    () => {
      const header = damaged('bsdtar-header', DAMAGE[2]![1]);
      expect(sh(`${catVolumes(header)} | bsdtar -xOf - > /dev/null`, header.dir).stderr).toContain(
        'Header CRC error',
      );
      const missing = damaged('bsdtar-missing', DAMAGE[4]![1]);
      const present = missing.volumes.filter((_, index) => index !== 2);
      expect(
        sh(`cat ${present.map(quote).join(' ')} | bsdtar -xOf - > /dev/null`, missing.dir).status,
      ).not.toBe(0);
      // bsdtar checks no stored-data CRC (rar-format.md §8): it extracts the damaged bytes silently.
      const data = damaged('bsdtar-data', DAMAGE[0]![1]);
      const out = sh(`${catVolumes(data)} | bsdtar -xOf - | sha256sum`, data.dir);
      expect(out.stdout.slice(0, 64)).not.toBe(sha256(data.files[0]!.data));
    },
  );
});
