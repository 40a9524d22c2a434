/**
 * `scenepacker pack` with metadata enrichment, in-process through runCli on a real SQLite data
 * directory: API configurations point OpenLibrary and Google Books at loopback fakes, and the
 * release on disk carries what the file lacked. With the providers down the pack still succeeds
 * and says why; with no provider configured (or --offline) it packs exactly as before.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/program.js';
import { loadConfig } from '../../../src/config/env.js';
import { createCliEnvironment } from '../../../src/main/cli-environment.js';
import { createContainer } from '../../../src/main/container.js';
import type { ApiProvider } from '../../../src/domain/enums.js';
import { silentLogger } from '../../../src/shared/logger.js';
import type { FakeHttpServer } from '../../fakes/providers/fake-http-server.js';
import { startFakeGoogleBooks } from '../../fakes/providers/googlebooks-server.js';
import { startFakeOpenLibrary } from '../../fakes/providers/openlibrary-server.js';
import { epubItems, writeZip } from '../../unit/metadata/extract/support/files.js';
import { tempDir } from '../core/support.js';

const root = tempDir('pack-enrich');
/** Dune as a file says it: title, author, ISBN and language — no publisher, no date. */
const DUNE_OPF = `<dc:title>Dune</dc:title><dc:creator>Frank Herbert</dc:creator>
<dc:identifier id="id">urn:isbn:9780441172719</dc:identifier><dc:language>en</dc:language>`;
const PACK = ['--type', 'EBOOK', '--group', 'SCNPKR', '--json'];

let epub: string;
let openlibrary: FakeHttpServer;
let googlebooks: FakeHttpServer;
/** An origin nothing listens on (a fake started, then closed). */
let closedOrigin: string;

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(dataDir: string, args: string[]): Promise<Ran> {
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

interface ConfigInput {
  baseUrl?: string;
  enabled?: boolean;
}

/** A migrated data dir with an admin and these global API configurations. */
async function dataDirWith(name: string, configs: Partial<Record<ApiProvider, ConfigInput>>) {
  const dataDir = join(root.path, name);
  expect((await run(dataDir, ['db', 'migrate'])).code).toBe(0);
  const created = await run(dataDir, [
    'user',
    'create',
    'root',
    '--role',
    'admin',
    '--password',
    'root-password-123',
  ]);
  expect(created.code, created.stderr).toBe(0);
  const container = await createContainer(loadConfig({ SCENEPACKER_DATA_DIR: dataDir }), {
    logger: silentLogger,
  });
  try {
    const admin = await container.services.users.findActor('root');
    const caller = { actor: { id: admin!.id, role: admin!.role }, ip: null };
    for (const [provider, input] of Object.entries(configs)) {
      await container.services.apiConfigs.create(caller, provider as ApiProvider, 'global', input);
    }
  } finally {
    await container.close();
  }
  return dataDir;
}

interface PackJson {
  releaseName: string;
  path: string;
  notes: string[];
}

beforeAll(async () => {
  epub = await writeZip(join(root.path, 'dune.epub'), epubItems(DUNE_OPF));
  [openlibrary, googlebooks] = await Promise.all([startFakeOpenLibrary(), startFakeGoogleBooks()]);
  const closed = await startFakeOpenLibrary();
  closedOrigin = closed.origin;
  await closed.close();
});
afterAll(async () => {
  await Promise.all([openlibrary.close(), googlebooks.close()]);
  root.remove();
});

describe('scenepacker pack with metadata providers configured', () => {
  it('names and describes the release with what the providers add to the file', async () => {
    const dataDir = await dataDirWith('configured', {
      openlibrary: { baseUrl: openlibrary.origin },
      googlebooks: { baseUrl: `${googlebooks.origin}/books/v1` },
    });
    const out = join(root.path, 'out-configured');
    const ran = await run(dataDir, ['pack', epub, ...PACK, '--out', out]);
    expect(ran.code, ran.stderr).toBe(0);
    const result = JSON.parse(ran.stdout) as PackJson;
    // The file has no year: the name's year is OpenLibrary's (its edition of 1990).
    expect(result.releaseName).toBe('Frank.Herbert.Dune.1990.RETAiL.ePUB.eBOOK-SCNPKR');
    expect(readdirSync(out)).toEqual([result.releaseName]);
    const nfo = readdirSync(result.path).find((file) => file.endsWith('.nfo'));
    const text = readFileSync(join(result.path, nfo!), 'latin1');
    expect(text).toMatch(/Publisher[ .]*: Ace/);
    expect(result.notes).toContain('openlibrary: used for publisher, year, publication date');
    expect(result.notes).toContain(
      'googlebooks: found the release, nothing new (the flags or the file already say it)',
    );
    expect(openlibrary.requests.some((r) => r.path === '/isbn/9780441172719.json')).toBe(true);
  });

  it('asks no provider with --offline, and packs as before without a year to go on', async () => {
    const dataDir = join(root.path, 'configured');
    const asked = openlibrary.requests.length;
    const ran = await run(dataDir, ['pack', epub, ...PACK, '--offline', '--dry-run']);
    expect(ran.code).not.toBe(0);
    expect(ran.stderr).toMatch(/year/i);
    const flagged = await run(dataDir, [
      'pack',
      epub,
      ...PACK,
      '--offline',
      '--year',
      '1965',
      '--dry-run',
    ]);
    expect(flagged.code, flagged.stderr).toBe(0);
    const plan = JSON.parse(flagged.stdout) as { releaseName: string; warnings: string[] };
    expect(plan.releaseName).toBe('Frank.Herbert.Dune.1965.RETAiL.ePUB.eBOOK-SCNPKR');
    expect(plan.warnings.filter((note) => /openlibrary|googlebooks/.test(note))).toEqual([]);
    expect(openlibrary.requests.length).toBe(asked);
  });

  it('still packs when the providers are down, and the notes say which and why', async () => {
    const dataDir = await dataDirWith('down', {
      openlibrary: { baseUrl: closedOrigin },
      googlebooks: { baseUrl: `${closedOrigin}/books/v1` },
    });
    const out = join(root.path, 'out-down');
    const ran = await run(dataDir, ['pack', epub, ...PACK, '--year', '1965', '--out', out]);
    expect(ran.code, ran.stderr).toBe(0);
    const result = JSON.parse(ran.stdout) as PackJson;
    expect(result.releaseName).toBe('Frank.Herbert.Dune.1965.RETAiL.ePUB.eBOOK-SCNPKR');
    expect(readdirSync(out)).toEqual([result.releaseName]);
    expect(result.notes.filter((note) => /^(openlibrary|googlebooks): /.test(note))).toEqual([
      'openlibrary: unavailable — network error (ECONNREFUSED)',
      'googlebooks: unavailable — network error (ECONNREFUSED)',
    ]);
  });

  it('packs exactly as before when no provider is usable (switched off, or no key where one is needed)', async () => {
    const dataDir = await dataDirWith('unconfigured', {
      openlibrary: { baseUrl: openlibrary.origin, enabled: false },
      tmdb: { baseUrl: openlibrary.origin },
    });
    const asked = openlibrary.requests.length;
    const ran = await run(dataDir, ['pack', epub, ...PACK, '--year', '1965', '--dry-run']);
    expect(ran.code, ran.stderr).toBe(0);
    const plan = JSON.parse(ran.stdout) as { warnings: string[]; nfo: { text: string } };
    expect(plan.warnings.filter((note) => /openlibrary|googlebooks|enrich/.test(note))).toEqual([]);
    expect(plan.nfo.text).not.toMatch(/Publisher/);
    expect(openlibrary.requests.length).toBe(asked);
  });
});
