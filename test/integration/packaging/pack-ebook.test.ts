/**
 * eBOOK and DOCS packing end to end on real files: a generated 12 MB PDF (three 5 MB disks) and
 * the calibre EPUB fixture (one disk). The releases pass our checker with zero errors, every
 * disk passes `unzip -t`, and the inner RAR set — taken out of the disks by bsdtar — is read
 * by lsar -t, bsdtar and python3-rarfile with bytes identical to the source.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EbookPlan } from '../../../src/core/plan.js';
import type { PackResult } from '../../../src/services/packaging/index.js';
import { hasTool } from '../../support/tools.js';
import { expectGolden } from '../../unit/core/plan/support.js';
import { quote, rarfilePython, sh, sha256, tempDir } from '../core/support.js';
import { makePdf } from './media-files.js';
import { failure, listing, makeService, readRarSet, sha256File } from './support.js';

const GENERATED = new URL('../../fixtures/metadata/generated/', import.meta.url);
const tools = hasTool('lsar') && hasTool('bsdtar') && hasTool('unzip');
const python = rarfilePython();

describe.skipIf(!tools)('pack EBOOK: a 12 MB PDF into three ZIP disks', () => {
  const root = tempDir('pack-ebook');
  const service = makeService();
  let pdf: string;
  let result: PackResult;
  const name = 'Jane.Doe.Learning.Rust.2021.RETAiL.eBOOK-SCNPKR';

  beforeAll(async () => {
    pdf = join(root.path, 'learning-rust.pdf');
    makePdf(pdf, { title: 'Learning Rust', author: 'Jane Doe', year: 2021, padBytes: 12_000_000 });
    result = await service.pack({
      input: pdf,
      flags: { type: 'EBOOK', group: 'SCNPKR', url: 'https://shop.example.com/learning-rust' },
      outDir: join(root.path, 'out'),
    });
  });
  afterAll(() => {
    root.remove();
  });

  it('publishes only the NFO and the 8.3 disks, and our checker finds no error', () => {
    expect(result.path).toBe(join(root.path, 'out', name));
    expect(readdirSync(join(root.path, 'out'))).toEqual([name]);
    expect(readdirSync(result.path)).toEqual([
      `${name.toLowerCase()}.nfo`,
      'scnjdl01.zip',
      'scnjdl02.zip',
      'scnjdl03.zip',
    ]);
    expect(result.report.errors).toBe(0);
    expect(result.plan.rar.volumeSize).toBe(5_000_000);
    expect(result.plan.nfo.text).toContain('3 x 5 MB');
  });

  it('pins the NFO, the first DIZ and the disk listings (golden)', () => {
    expectGolden(
      'releases/ebook-pdf.nfo',
      readFileSync(join(result.path, `${name.toLowerCase()}.nfo`)),
    );
    const out = join(root.path, 'diz');
    mkdirSync(out);
    sh(`bsdtar -xf ${quote(join(result.path, 'scnjdl01.zip'))} -C ${quote(out)} FILE_ID.DIZ`, out);
    expectGolden('releases/ebook-pdf.disk01.diz', readFileSync(join(out, 'FILE_ID.DIZ')));
    const lines = ['scnjdl01.zip', 'scnjdl02.zip', 'scnjdl03.zip'].flatMap((zip) => [
      `${zip}:`,
      sh(`bsdtar -tvf ${zip}`, result.path).stdout.trimEnd(),
    ]);
    expectGolden(
      'releases/ebook-pdf.listing.txt',
      `${listing(result.path).join('\n')}\n${lines.join('\n')}\n`,
    );
  });

  it('passes unzip -t on every disk', () => {
    for (const zip of ['scnjdl01.zip', 'scnjdl02.zip', 'scnjdl03.zip']) {
      const ran = sh(`unzip -t ${zip}`, result.path);
      expect(ran.status, ran.stdout).toBe(0);
      expect(ran.stdout).toContain('No errors detected');
    }
  });

  it('holds a RAR set that lsar, bsdtar and rarfile read back to the exact source bytes', () => {
    const volumes = result.plan.rar.volumes.map((v) => v.name);
    const out = join(root.path, 'volumes');
    mkdirSync(out);
    const plan = result.plan as EbookPlan;
    plan.disks.forEach((disk) => {
      const ran = sh(
        `bsdtar -xf ${quote(join(result.path, disk.name))} -C ${quote(out)} ${quote(disk.rarVolume)}`,
        out,
      );
      expect(ran.status, ran.stderr).toBe(0);
    });
    const verdicts = readRarSet(out, volumes, python);
    expect(verdicts.lsar.status, verdicts.lsar.out).toBe(0);
    expect(verdicts.lsar.out).toContain('1 passed, 0 failed.');
    expect(verdicts.lsar.out).toContain('RAR (3 volumes)');
    expect(verdicts.bsdtarSha256).toBe(sha256File(pdf));
    if (verdicts.rarfile !== undefined) {
      expect(verdicts.rarfile.error).toBeUndefined();
      expect(verdicts.rarfile.volumes).toEqual(volumes);
      expect(verdicts.rarfile.entries?.map((e) => [e.name, e.sha256])).toEqual([
        [`${name}.pdf`, sha256File(pdf)],
      ]);
    }
  });

  it('refuses to publish over it without --force, and replaces it with --force', async () => {
    const again = {
      input: pdf,
      flags: { type: 'EBOOK' as const, group: 'SCNPKR' },
      outDir: join(root.path, 'out'),
    };
    expect((await failure(service.pack(again))).code).toBe('release.exists');
    const replaced = await service.pack({ ...again, force: true });
    expect(readdirSync(join(root.path, 'out'))).toEqual([name]);
    expect(replaced.report.errors).toBe(0);
  });
});

describe.skipIf(!tools)('pack EBOOK and DOCS from real book files', () => {
  const root = tempDir('pack-books');
  const service = makeService();
  afterAll(() => {
    root.remove();
  });

  it('packs the EPUB fixture with its own metadata into one disk', async () => {
    const epub = join(root.path, 'book-retail.epub');
    copyFileSync(new URL('book2.epub', GENERATED), epub);
    const result = await service.pack({
      input: epub,
      flags: { type: 'EBOOK', group: 'SCNPKR' },
      outDir: join(root.path, 'epub'),
    });
    expect(result.plan.releaseName).toBe(
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.ePUB.eBOOK-SCNPKR',
    );
    expect(result.report.errors).toBe(0);
    expect(listing(result.path).map((line) => line.split(' ')[0])).toEqual([
      'emile.dupont.le.chateau.de.verre.2019.french.retail.epub.ebook-scnpkr.nfo',
      'scnedl01.zip',
    ]);
    const inner = sh(`bsdtar -xOf scnedl01.zip '*.rar' | bsdtar -xOf - | sha256sum`, result.path);
    expect(inner.stdout.split(' ')[0]).toBe(sha256(readFileSync(epub)));
  });

  it('packs a PDF named .epub as the PDF it is, and says so', async () => {
    const renamed = join(root.path, 'really-a-pdf.epub');
    copyFileSync(new URL('calibre.pdf', GENERATED), renamed);
    const result = await service.pack({
      input: renamed,
      flags: { type: 'EBOOK', group: 'SCNPKR' },
      outDir: join(root.path, 'renamed'),
    });
    expect(result.plan.payload).toMatchObject({ format: 'PDF', extension: 'pdf' });
    expect(result.plan.releaseName).not.toMatch(/ePUB/);
    expect(result.plan.warnings.join('\n')).toMatch(/named \.epub but its content is PDF/);
    expect(result.report.errors).toBe(0);
  });

  it('packs a DOCX as DOCS only with allowNonSceneFormat, and the checker reports it', async () => {
    const docx = join(root.path, 'report.docx');
    copyFileSync(new URL('doc.docx', GENERATED), docx);
    const request = {
      input: docx,
      flags: { type: 'DOCS' as const, group: 'SCNPKR', publisher: 'ACME' },
      outDir: join(root.path, 'docs'),
    };
    expect((await failure(service.pack(request))).code).toBe('release.format_not_allowed');
    const result = await service.pack({ ...request, allowNonSceneFormat: true });
    expect(result.plan.releaseName).toMatch(/\.iNTERNAL\.DOCX\.eBOOK-SCNPKR$/);
    expect(result.report.findings.map((f) => f.rule)).toContain('payload.non_scene_format');
    const checked = await service.check({ dir: result.path });
    expect(checked.errors).toBe(0);
    expect(checked.findings.map((f) => f.rule)).toContain('payload.non_scene_format');
  });
});
