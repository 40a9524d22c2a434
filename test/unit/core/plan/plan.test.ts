import { describe, expect, it } from 'vitest';
import { planRelease, type EbookPlan, type TvPlan } from '../../../../src/core/plan.js';
import { planRar } from '../../../../src/core/rar/rar-plan.js';
import { getProfile, type TvProfile } from '../../../../src/core/rules/index.js';
import { EBOOK_PROFILE, EPUB_REQUEST, TV_REQUEST, expectGolden, planSummary } from './support.js';

const ebookPlan = (changes: Partial<typeof EPUB_REQUEST> = {}): EbookPlan =>
  planRelease({ ...EPUB_REQUEST, ...changes }) as EbookPlan;
const tvPlan = (changes: Partial<typeof TV_REQUEST> = {}): TvPlan =>
  planRelease({ ...TV_REQUEST, ...changes }) as TvPlan;

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('eBOOK plan', () => {
  it('pins the whole plan of a 12 MB EPUB: name, 8.3 disks, 5 MB volumes, texts', () => {
    const plan = ebookPlan();
    expectGolden('plans/ebook-epub.plan.json', planSummary(plan));
    expectGolden('plans/ebook-epub.nfo', plan.nfo.bytes);
    expectGolden('plans/ebook-epub.disk01.diz', plan.disks[0]!.diz.bytes);
  });

  it('names the release and its files by the rules', () => {
    const plan = ebookPlan();
    expect(plan.releaseName).toBe(
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.ePUB.eBOOK-MYGRP',
    );
    expect(plan.disks.map((d) => d.name)).toEqual(['mygedl01.zip', 'mygedl02.zip', 'mygedl03.zip']);
    expect(plan.payload.archivedName).toBe(`${plan.releaseName}.epub`);
    expect(plan.files.map((f) => f.path)).toEqual([
      `${plan.releaseName.toLowerCase()}.nfo`,
      'mygedl01.zip',
      'mygedl02.zip',
      'mygedl03.zip',
    ]);
    expect(plan.files.some((f) => /\.sfv$|sample/i.test(f.path))).toBe(false);
  });

  it('states the real volume count and sizes, the same the RAR planner gives', () => {
    const plan = ebookPlan();
    const rar = planRar([{ name: plan.payload.archivedName, size: 12_345_678 }], {
      baseName: plan.rar.baseName,
      volumeSize: 5_000_000,
    });
    expect(plan.rar.volumeSize).toBe(5_000_000);
    expect(plan.rar.volumes).toEqual(rar.volumes.map((v) => ({ name: v.name, size: v.size })));
    expect(plan.nfo.text).toContain('3 x 5 MB');
    expect(plan.disks.map((d) => /\[(\d+)\/(\d+)\]/.exec(d.diz.text)?.slice(1))).toEqual([
      ['01', '03'],
      ['02', '03'],
      ['03', '03'],
    ]);
  });

  it('climbs to 10 MB volumes when 5 MB ones would make ten or more', () => {
    const plan = ebookPlan({ payload: { ...EPUB_REQUEST.payload, bytes: 60_000_000 } });
    expect(plan.rar.volumeSize).toBe(10_000_000);
    expect(plan.rar.volumes).toHaveLength(7);
    expect(plan.nfo.text).toContain('7 x 10 MB');
  });

  it('gives a PDF no format tag and a single disk when it fits in one volume', () => {
    const plan = ebookPlan({
      payload: { fileName: 'book.pdf', bytes: 13_489, format: 'PDF', extension: 'pdf' },
    });
    expect(plan.releaseName).toBe(
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.eBOOK-MYGRP',
    );
    expect(plan.disks).toHaveLength(1);
    expect(plan.rar.volumes[0]!.name).toMatch(/\.rar$/);
  });

  it('packs a renamed file as what its content is, and says so', () => {
    const plan = ebookPlan({
      payload: { fileName: 'book.epub', bytes: 13_489, format: 'PDF', extension: 'pdf' },
    });
    expect(plan.payload.archivedName).toMatch(/\.pdf$/);
    expect(plan.warnings.join('\n')).toContain('"book.epub" is named .epub but its content is PDF');
  });

  it('uses technical naming for DOCS and needs an explicit allowance for DOCX', () => {
    const docx = {
      type: 'DOCS' as const,
      payload: { fileName: 'guide.docx', bytes: 4385, format: 'DOCX', extension: 'docx' },
      book: { title: 'Installation Guide', publisher: 'ACME Corp', year: 2023, source: 'HYBRID' },
    };
    expect(codeOf(() => ebookPlan(docx))).toBe('release.format_not_allowed');
    const plan = ebookPlan({ ...docx, allowNonSceneFormat: true });
    expect(plan.releaseName).toBe(
      'ACME.Corp.Installation.Guide.2023.HYBRiD.iNTERNAL.DOCX.eBOOK-MYGRP',
    );
    expect(plan.nonScene).toBe(true);
    expect(plan.nfo.text).toContain('Not covered by any scene ruleset');
    expect(plan.warnings.join('\n')).toContain('not covered by any scene ruleset');
  });

  it('refuses what the rules refuse, with the stable codes', () => {
    const book = EPUB_REQUEST.book;
    expect(codeOf(() => ebookPlan({ book: { ...book, title: '¿¿ !!' } }))).toBe(
      'release.title_required',
    );
    expect(codeOf(() => ebookPlan({ book: { ...book, year: null } }))).toBe(
      'release.year_required',
    );
    expect(codeOf(() => ebookPlan({ group: 'MY-GRP' }))).toBe('release.group_invalid');
    const huge = { ...EPUB_REQUEST.payload, bytes: 99 * 250_000_000 + 1 };
    expect(codeOf(() => ebookPlan({ payload: huge }))).toBe('release.too_many_volumes');
  });

  it('keeps a very long title whole in the NFO and shortens it in the name', () => {
    const title = Array.from({ length: 40 }, (_, i) => `Word${i}`).join(' ');
    const plan = ebookPlan({ book: { ...EPUB_REQUEST.book, title } });
    expect(plan.releaseName.length).toBeLessThanOrEqual(EBOOK_PROFILE.naming.maxLength);
    expect(plan.titleShortened).toBe(true);
    expect(plan.fullTitle).toBe(title);
    expect(plan.warnings.join('\n')).toContain('shortened');
  });
});

describe('TV plan', () => {
  it('pins the whole plan of a 2 GiB 1080p WEB episode', () => {
    const plan = tvPlan();
    expectGolden('plans/tv-web.plan.json', planSummary(plan));
    expectGolden('plans/tv-web.nfo', plan.nfo.bytes);
  });

  it('names every file lowercase with the group tag, 50 MB volumes with the real count', () => {
    const plan = tvPlan();
    expect(plan.releaseName).toBe('Show.Name.S01E02.The.Beginning.1080p.WEB.H264-GRP');
    const stem = 'show.name.s01e02.the.beginning.1080p.web.h264-grp';
    expect(plan.rar.volumeSize).toBe(50_000_000);
    expect(plan.rar.volumes).toHaveLength(43);
    expect(plan.rar.volumes.slice(0, 3).map((v) => v.name)).toEqual([
      `${stem}.rar`,
      `${stem}.r00`,
      `${stem}.r01`,
    ]);
    expect(plan.rar.volumes.slice(0, -1).every((v) => v.size === 50_000_000)).toBe(true);
    expect(plan.sfvName).toBe(`${stem}.sfv`);
    expect(plan.sample?.path).toBe(`Sample/${stem}.sample.mkv`);
    expect(plan.nfo.text).toContain('43 x 50 MB');
    for (const file of plan.files) {
      expect(file.path.split('/').pop()).toMatch(/^[a-z0-9._-]*grp[a-z0-9._-]*$/);
    }
  });

  it('cuts 60 s from 40 % into the episode, within 50–70 s', () => {
    expect(tvPlan().sample).toMatchObject({ startSeconds: 1012, durationSeconds: 60 });
    const short = tvPlan({ video: { ...TV_REQUEST.video, durationSeconds: 90 } }).sample;
    expect(short).toMatchObject({ startSeconds: 30, durationSeconds: 60 });
    const tooShort = { video: { ...TV_REQUEST.video, durationSeconds: 45 } };
    expect(codeOf(() => tvPlan(tooShort))).toBe('validation.failed');
    expect(tvPlan({ ...tooShort, sample: false }).sample).toBeNull();
  });

  it('steps up to 100 MB volumes only when 50 MB ones would exceed 101 volumes', () => {
    const plan = tvPlan({ payload: { ...TV_REQUEST.payload, bytes: 5_900_000_000 } });
    expect(plan.rar.volumeSize).toBe(100_000_000);
    expect(plan.rar.volumes).toHaveLength(60);
  });

  it('uses the SD sizes for a standard-definition x264 encode', () => {
    const plan = tvPlan({
      payload: { ...TV_REQUEST.payload, bytes: 100_000_000 },
      video: { ...TV_REQUEST.video, width: 720, height: 404, writingLibrary: 'x264' },
    });
    expect(plan.releaseName).toBe('Show.Name.S01E02.The.Beginning.WEBRip.x264-GRP');
    expect(plan.rar.volumeSize).toBe(15_000_000);
  });

  it('follows the HDTV profile when asked', () => {
    const hdtv = getProfile('tv-720p-hdtv-2016') as TvProfile;
    const plan = tvPlan({
      profile: hdtv,
      video: { ...TV_REQUEST.video, width: 1280, height: 720, writingLibrary: 'x264' },
    });
    expect(plan.releaseName).toBe('Show.Name.S01E02.The.Beginning.720p.HDTV.x264-GRP');
    expect(plan.profile.id).toBe('tv-720p-hdtv-2016');
  });

  it('refuses an MP4 (the rules want MKV) and a bad group', () => {
    const mp4 = { ...TV_REQUEST.payload, format: 'MP4', extension: 'mp4' };
    expect(codeOf(() => tvPlan({ payload: mp4 }))).toBe('release.format_not_allowed');
    expect(codeOf(() => tvPlan({ group: 'A-B' }))).toBe('release.group_invalid');
  });
});
