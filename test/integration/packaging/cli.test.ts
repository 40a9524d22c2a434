/**
 * `scenepacker pack | check | rules` in-process through runCli, on a data directory that must
 * stay untouched (packing never opens the database), and one real spawn of the binary that is
 * interrupted with SIGINT mid-pack: exit 8, nothing left on disk.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/program.js';
import { loadConfig } from '../../../src/config/env.js';
import { createCliEnvironment } from '../../../src/main/cli-environment.js';
import { hasTool } from '../../support/tools.js';
import { tempDir } from '../core/support.js';
import { makeMkv } from './media-files.js';

const GENERATED = new URL('../../fixtures/metadata/generated/', import.meta.url);
const root = tempDir('pack-cli');
const dataDir = join(root.path, 'data');
const NAME = 'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.ePUB.eBOOK-SCNPKR';
let epub: string;

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[]): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const streams = {
    out: (text: string) => (stdout += `${text}\n`),
    err: (text: string) => (stderr += `${text}\n`),
  };
  const env = createCliEnvironment(
    loadConfig({ LOG_LEVEL: 'warn', SCENEPACKER_DATA_DIR: dataDir }),
  );
  const code = await runCli(args, env, streams, '0.0.0-test');
  return { code, stdout, stderr };
}

const json = (ran: Ran): unknown => JSON.parse(ran.stdout);

beforeAll(() => {
  epub = join(root.path, 'book-retail.epub');
  copyFileSync(new URL('book2.epub', GENERATED), epub);
});
afterAll(() => {
  root.remove();
});

describe('scenepacker rules', () => {
  it('lists the four profiles and shows one', async () => {
    const list = await run(['rules', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect((json(list) as { id: string }[]).map((p) => p.id)).toEqual([
      'ebook-2022',
      'tv-web-2020',
      'tv-720p-hdtv-2016',
      'tv-sd-2016',
    ]);
    const shown = await run(['rules', 'show', 'tv-web-2020']);
    expect(shown.stdout).toContain('Volumes      15,000,000, 20,000,000; n x 50,000,000 bytes');
    expect(
      (
        json(await run(['rules', 'show', 'ebook-2022', '--json'])) as {
          archive: { maxVolumes: number };
        }
      ).archive.maxVolumes,
    ).toBe(99);
    expect((await run(['rules', 'show', 'no-such-profile'])).code).toBe(3);
  });
});

describe('scenepacker pack and check', () => {
  const out = join(root.path, 'out');

  it('prints the plan with --dry-run and writes nothing, not even a database', async () => {
    const ran = await run([
      'pack',
      epub,
      '--type',
      'EBOOK',
      '--group',
      'SCNPKR',
      '--out',
      out,
      '--dry-run',
      '--json',
    ]);
    expect(ran.code, ran.stderr).toBe(0);
    const plan = json(ran) as {
      releaseName: string;
      nfo: { text: string };
      disks: { diz: { text: string } }[];
      exists: boolean;
    };
    expect(plan.releaseName).toBe(NAME);
    expect(plan.nfo.text).toContain('Disks .........: 1 x 5 MB');
    expect(plan.disks[0]?.diz.text).toContain('[01/01]');
    expect(plan.exists).toBe(false);
    const human = await run([
      'pack',
      epub,
      '--type',
      'EBOOK',
      '--group',
      'SCNPKR',
      '--out',
      out,
      '--dry-run',
    ]);
    expect(human.stdout).toContain(`Release  ${NAME}`);
    expect(human.stdout).toContain('--- FILE_ID.DIZ (disk 1 of 1) ---');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('packs with a user template, then check passes it with exit 0', async () => {
    const template = join(root.path, 'mine.nfo.liquid');
    writeFileSync(
      template,
      '{{ release_name }}\r\n{{ title }} by {{ author }} ({{ year }})\r\nDisks: {{ disks }}\r\nRelease date: {{ release_date }}\r\n',
    );
    const ran = await run([
      'pack',
      epub,
      '--type',
      'EBOOK',
      '--group',
      'SCNPKR',
      '--out',
      out,
      '--template',
      template,
      '--url',
      'https://shop.example.com/x',
      '--json',
    ]);
    expect(ran.code, ran.stderr).toBe(0);
    const result = json(ran) as { path: string; errors: number };
    expect(result.path).toBe(join(out, NAME));
    const nfo = iconv.decode(readFileSync(join(out, NAME, `${NAME.toLowerCase()}.nfo`)), 'cp437');
    expect(nfo).toContain('Le Château de Verre by Émile Dupont (2019)\r\nDisks: 1 x 5 MB');
    const checked = await run(['check', result.path, '--json']);
    expect(checked.code, checked.stdout).toBe(0);
    expect((json(checked) as { ok: boolean }).ok).toBe(true);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('maps failures to exit codes: exists 2, bad group 2, missing input 3, failed check 5', async () => {
    const again = await run(['pack', epub, '--type', 'EBOOK', '--group', 'SCNPKR', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('error [release.exists]');
    expect(
      (await run(['pack', epub, '--type', 'EBOOK', '--group', 'SC-PK', '--out', out])).code,
    ).toBe(2);
    expect(
      (await run(['pack', join(root.path, 'nope.epub'), '--type', 'EBOOK', '--group', 'SCNPKR']))
        .code,
    ).toBe(3);
    const disk = join(out, NAME, 'scnedl01.zip');
    const bytes = readFileSync(disk);
    bytes[2000] = (bytes[2000] ?? 0) ^ 0xff;
    writeFileSync(disk, bytes);
    const failed = await run(['check', join(out, NAME), '--json']);
    expect(failed.code).toBe(5);
    expect(json(failed) as { ok: boolean; errors: number }).toMatchObject({ ok: false });
    expect(JSON.parse(failed.stderr)).toMatchObject({ code: 'release.check_failed' });
    const human = await run(['check', join(out, NAME)]);
    expect(human.stdout).toMatch(/ERROR\s+zip\.crc_mismatch/);
  });
});

const ENTRY = fileURLToPath(new URL('../../../src/main/cli.ts', import.meta.url));

describe.skipIf(!hasTool('ffmpeg'))('the scenepacker binary, interrupted', () => {
  it('cancels on SIGINT mid-pack: exit 8 and nothing left in the output directory', async () => {
    const mkv = makeMkv(root.path, 'Long.Show.S01E01', { seconds: 30, padBytes: 150_000_000 });
    const out = join(root.path, 'interrupted');
    const args = [
      '--import',
      'tsx',
      ENTRY,
      'pack',
      mkv,
      '--type',
      'TV',
      '--group',
      'SCNPKR',
      '--no-sample',
      '--out',
      out,
    ];
    const child = spawn(process.execPath, args, {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        SCENEPACKER_DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Interrupt once the staging directory exists: the pack is under way.
    while (!(existsSync(out) && readdirSync(out).some((name) => name.includes('.partial-')))) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGINT');
    expect(await exited).toBe(8);
    expect(stderr).toContain('error [release.cancelled]');
    expect(readdirSync(out)).toEqual([]);
  });
});
