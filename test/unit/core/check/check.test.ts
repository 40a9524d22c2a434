import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkRelease,
  detectProfile,
  type CheckReport,
  type Finding,
} from '../../../../src/core/check/index.js';
import { planRelease, type EbookPlan, type TvPlan } from '../../../../src/core/plan.js';
import { getProfile, type TvProfile } from '../../../../src/core/rules/index.js';
import { EPUB_REQUEST, TV_REQUEST } from '../plan/support.js';
import {
  altered,
  ebookFiles,
  memorySource,
  patternBytes,
  renamed,
  smallEbookProfile,
  smallTvProfile,
  tvFiles,
  zipBytes,
  type Files,
} from './support.js';

const smallEbook = smallEbookProfile(getProfile('ebook-2022'));
const smallTv = smallTvProfile(getProfile('tv-web-2020'));
const probe60 = () => Promise.resolve(60);

const rulesOf = (report: CheckReport, level?: Finding['level']): string[] =>
  report.findings.filter((f) => level === undefined || f.level === level).map((f) => f.rule);

const errorsOf = (report: CheckReport): string[] => [...new Set(rulesOf(report, 'error'))].sort();

describe('checker on an eBOOK release (ZIP+DIZ disks)', () => {
  let plan: EbookPlan;
  let files: Files;
  const check = (set: Files, name = plan.releaseName) =>
    checkRelease(memorySource(name, set), { profile: smallEbook });

  beforeAll(async () => {
    plan = planRelease({
      ...EPUB_REQUEST,
      profile: smallEbook,
      payload: { ...EPUB_REQUEST.payload, bytes: 12_345 },
    }) as EbookPlan;
    files = await ebookFiles(plan, patternBytes(12_345, 3));
  });

  it('finds no error in a release made from the plan: three 5,000-byte disks', async () => {
    expect(plan.disks).toHaveLength(3);
    const report = await check(files);
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ ok: true, errors: 0, profile: { id: 'ebook-2022' } });
  });

  it('detects the profile from the name when none is given', async () => {
    const real = planRelease({
      ...EPUB_REQUEST,
      payload: { ...EPUB_REQUEST.payload, bytes: 12_345 },
    }) as EbookPlan;
    const set = await ebookFiles(real, patternBytes(12_345, 3));
    const report = await checkRelease(memorySource(real.releaseName, set));
    expect(report.profile).toEqual({ id: 'ebook-2022', detected: true });
    expect(errorsOf(report)).toEqual([]);
    expect(rulesOf(report)).toEqual(['profile.detected']);
  });

  it('refuses an SFV, a loose book, a Sample dir and spaces', async () => {
    const set = new Map(files);
    set.set('release.sfv', Buffer.from('x 00000000\r\n'));
    set.set('book.epub', Buffer.from('book'));
    set.set('Sample/x.epub', Buffer.from('book'));
    set.set('my disk.zip', files.get(plan.disks[0]!.name)!);
    const report = await check(set);
    expect(errorsOf(report)).toEqual(
      expect.arrayContaining([
        'files.no_sfv',
        'files.unexpected',
        'files.forbidden_dir',
        'files.no_spaces',
      ]),
    );
  });

  it('reports a damaged ZIP and the damaged RAR inside it', async () => {
    const disk = plan.disks[0]!.name;
    const damaged = altered(files, disk, (bytes) => {
      bytes[200] = (bytes[200] ?? 0) ^ 0xff;
      return bytes;
    });
    const report = await check(damaged);
    expect(errorsOf(report)).toEqual(expect.arrayContaining(['zip.crc_mismatch']));
    expect(report.findings.find((f) => f.rule === 'zip.crc_mismatch')?.file).toMatch(/^mygedl01/);
  });

  it('reports a wrong DIZ counter, a non-8.3 disk name and a disk out of order', async () => {
    const [first, second] = plan.disks;
    const wrongCounter = await zipBytes([
      { name: second!.rarVolume, data: await volumeOf(files, second!.name, second!.rarVolume) },
      { name: 'FILE_ID.DIZ', data: Buffer.from(first!.diz.bytes) },
      { name: plan.nfo.name, data: Buffer.from(plan.nfo.bytes) },
    ]);
    const report = await check(new Map(files).set(second!.name, wrongCounter));
    expect(report.findings.filter((f) => f.rule === 'diz.counter')).toHaveLength(1);
    const long = await check(renamed(files, plan.disks[2]!.name, 'mygedl03-long.zip'));
    expect(errorsOf(long)).toEqual(expect.arrayContaining(['names.dos83']));
    const swapped = renamed(
      renamed(renamed(files, first!.name, 'tmp.zip'), second!.name, first!.name),
      'tmp.zip',
      second!.name,
    );
    expect(errorsOf(await check(swapped))).toEqual(
      expect.arrayContaining(['diz.counter', 'files.disk_order']),
    );
  });

  it('reports a missing disk as a missing RAR volume', async () => {
    const set = new Map(files);
    set.delete(plan.disks[1]!.name);
    expect(errorsOf(await check(set))).toEqual(expect.arrayContaining(['rar.volume_missing']));
  });

  it('warns about a UTF-8 NFO and over-wide lines, and a RETAiL NFO without a link', async () => {
    const wide = `${'x'.repeat(100)}\r\nÉmile ╔══╗\r\n`;
    const set = new Map(files).set(plan.nfo.name, Buffer.from(wide, 'utf8'));
    const report = await check(set);
    expect(rulesOf(report, 'warning')).toEqual(
      expect.arrayContaining(['nfo.encoding', 'nfo.width', 'nfo.proof_url', 'nfo.disk_differs']),
    );
    expect(report.ok).toBe(true);
  });

  it('reports a non-scene payload format as a warning', async () => {
    const docs = planRelease({
      ...EPUB_REQUEST,
      profile: smallEbook,
      type: 'DOCS',
      allowNonSceneFormat: true,
      payload: { fileName: 'guide.docx', bytes: 3000, format: 'DOCX', extension: 'docx' },
      book: { title: 'Guide', publisher: 'ACME', year: 2023, source: 'HYBRID' },
    }) as EbookPlan;
    const report = await check(await ebookFiles(docs, patternBytes(3000, 4)), docs.releaseName);
    expect(errorsOf(report)).toEqual([]);
    expect(rulesOf(report, 'warning')).toEqual(
      expect.arrayContaining(['payload.non_scene_format']),
    );
  });

  it('reports a bad release name', async () => {
    const report = await check(files, 'Some Book (2019) [EPUB]');
    expect(errorsOf(report)).toEqual(expect.arrayContaining(['name.characters', 'name.group']));
  });
});

describe('checker on a TV release (RAR + SFV + sample)', () => {
  let plan: TvPlan;
  let files: Files;
  const stem = 'show.name.s01e02.the.beginning.1080p.web.h264-grp';
  const check = (set: Files, options = {}) =>
    checkRelease(memorySource(plan.releaseName, set), {
      profile: smallTv,
      probeDuration: probe60,
      ...options,
    });

  beforeAll(async () => {
    plan = planRelease({
      ...TV_REQUEST,
      profile: smallTv,
      payload: { ...TV_REQUEST.payload, bytes: 350_000 },
    }) as TvPlan;
    files = await tvFiles(plan, patternBytes(350_000, 5));
  });

  it('finds no error in a release made from the plan: four 100 KB volumes', async () => {
    expect(plan.rar.volumes).toHaveLength(4);
    const report = await check(files);
    expect(report.findings).toEqual([]);
  });

  it('reports a flipped data byte through the RAR CRCs and the SFV', async () => {
    const damaged = altered(files, `${stem}.r00`, (bytes) => {
      bytes[50_000] = (bytes[50_000] ?? 0) ^ 1;
      return bytes;
    });
    const report = await check(damaged);
    expect(errorsOf(report)).toEqual(
      expect.arrayContaining(['rar.part_crc', 'rar.volume_crc', 'sfv.crc_mismatch']),
    );
    expect(report.findings.find((f) => f.rule === 'sfv.crc_mismatch')?.file).toBe(`${stem}.r00`);
  });

  it('reports a missing volume, a truncated volume and a renamed volume', async () => {
    const missing = new Map(files);
    missing.delete(`${stem}.r01`);
    expect(errorsOf(await check(missing))).toEqual(
      expect.arrayContaining(['rar.volume_missing', 'sfv.file_missing']),
    );
    const cut = altered(files, `${stem}.r00`, (bytes) => bytes.subarray(0, 60_000));
    expect(errorsOf(await check(cut))).toEqual(expect.arrayContaining(['rar.truncated']));
    const upper = renamed(files, `${stem}.r02`, `${stem.toUpperCase()}.R02`);
    const report = await check(upper);
    expect(errorsOf(report)).toEqual(expect.arrayContaining(['names.lowercase']));
  });

  it('reports the layout: no SFV, two NFOs, stray files, forbidden dirs', async () => {
    const set = new Map(files);
    set.delete(plan.sfvName);
    set.set('other.nfo', Buffer.from('n'));
    set.set('readme.txt', Buffer.from('t'));
    set.set('Subs/x.srt', Buffer.from('s'));
    expect(errorsOf(await check(set))).toEqual(
      expect.arrayContaining(['files.sfv', 'files.nfo', 'files.unexpected', 'files.forbidden_dir']),
    );
  });

  it('knows the sample: missing, skipped, too long, unmeasurable, archived', async () => {
    const none = new Map(files);
    none.delete(plan.sample!.path);
    expect(errorsOf(await check(none))).toEqual(['files.sample']);
    const skipped = await check(none, { sampleSkipped: true });
    expect(skipped.ok).toBe(true);
    expect(rulesOf(skipped, 'warning')).toEqual(['files.sample']);
    const long = await check(files, { probeDuration: () => Promise.resolve(95) });
    expect(errorsOf(long)).toEqual(['sample.duration']);
    const unknown = await check(files, { probeDuration: () => Promise.resolve(null) });
    expect(rulesOf(unknown, 'warning')).toEqual(['sample.duration_unknown']);
    const archived = new Map(files).set(`Sample/${stem}.sample.rar`, Buffer.from('x'));
    expect(errorsOf(await check(archived))).toEqual(expect.arrayContaining(['sample.archived']));
  });

  it("trusts the packer's record of the volumes instead of reading them, but not blindly", async () => {
    const written = await tvFiles(plan, patternBytes(350_000, 5));
    const { crc32 } = await import('../../../../src/core/crc/crc32.js');
    const volumes = plan.rar.volumes.map((v) => ({
      name: v.name,
      size: v.size,
      crc32: crc32(written.get(v.name)!),
    }));
    const known = {
      volumes,
      files: [{ name: plan.payload.archivedName, size: 350_000, crc32: 0 }],
    };
    const trusted = await check(written, { knownArchive: known });
    expect(trusted.findings).toEqual([]);
    expect(trusted.archive).toBe('recorded');
    expect((await check(written)).archive).toBe('read');
    const resized = { ...known, volumes: volumes.map((v, i) => (i === 1 ? { ...v, size: 1 } : v)) };
    expect(errorsOf(await check(written, { knownArchive: resized }))).toContain(
      'rar.volume_changed',
    );
    const badSfv = new Map(written).set(
      plan.sfvName,
      Buffer.from(`${plan.rar.volumes[0]!.name} 00000000\r\n`),
    );
    expect(errorsOf(await check(badSfv, { knownArchive: known }))).toEqual(
      expect.arrayContaining(['sfv.crc_mismatch', 'sfv.not_listed']),
    );
  });

  it('judges volume sizes: equal sizes, allowed steps, a set that should be split', async () => {
    const wrongSize = structuredClone<TvProfile>(smallTv);
    wrongSize.archive.volumeSizes.multipleOf = 150_000;
    const report = await check(files, { profile: wrongSize });
    expect(errorsOf(report)).toEqual(['volumes.size']);
    const whole = planRelease({
      ...TV_REQUEST,
      profile: getProfile('tv-web-2020') as TvProfile,
      payload: { ...TV_REQUEST.payload, bytes: 350_000 },
    }) as TvPlan;
    const single = await tvFiles(whole, patternBytes(350_000, 5));
    const unsplit = await checkRelease(memorySource(whole.releaseName, single), {
      profile: smallTv,
      probeDuration: probe60,
    });
    expect(errorsOf(unsplit)).toEqual(['volumes.not_split']);
  });
});

describe('detectProfile', () => {
  it.each([
    ['Show.S01E01.1080p.WEB.h264-GRP', 'tv-web-2020'],
    ['Show.S01E01.720p.HDTV.x264-GRP', 'tv-720p-hdtv-2016'],
    ['Show.S01E01.HDTV.x264-GRP', 'tv-sd-2016'],
    ['Author.Title.2019.RETAiL.ePUB.eBOOK-GRP', 'ebook-2022'],
  ])('%s → %s', (name, id) => {
    expect(detectProfile({ name, entries: [] }).id).toBe(id);
  });

  it('falls back on the files when the name says nothing', () => {
    const zips = [{ path: 'abc01.zip', kind: 'file' as const, size: 1 }];
    expect(detectProfile({ name: 'whatever', entries: zips }).id).toBe('ebook-2022');
    expect(detectProfile({ name: 'whatever', entries: [] }).id).toBe('tv-web-2020');
  });
});

async function volumeOf(files: Files, disk: string, volume: string): Promise<Buffer> {
  const { openZipEntry } = await import('../../../../src/core/zip/zip-reader.js');
  const zip = files.get(disk)!;
  const stream = await openZipEntry(
    {
      size: zip.length,
      createReadStream: (s, e) => memorySource('x', files).open(disk, { start: s, end: e }),
    },
    volume,
  );
  const parts: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}
