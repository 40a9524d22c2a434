import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/env.js';
import { createContainer } from '../../../src/main/container.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { runInProcess, runScenepacker } from './run-cli.js';

/** Runs one command line in-process on the test's data dir, as the binary would. */
function run(args: string[], extraEnv: Record<string, string> = env, stdin = '') {
  return runInProcess(args, extraEnv, stdin);
}

let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sp-cli-'));
  env = { SCENEPACKER_DATA_DIR: dataDir };
  const migrate = await run(['db', 'migrate', '--json'], env);
  expect(migrate.code, migrate.stderr).toBe(0);
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('scenepacker CLI', () => {
  it('reports migrations with db status and has nothing left to apply', async () => {
    const status = await run(['db', 'status', '--json'], env);
    const rows = JSON.parse(status.stdout) as { name: string; executedAt: string | null }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.executedAt !== null)).toBe(true);
    expect(JSON.parse((await run(['db', 'migrate', '--json'], env)).stdout)).toEqual({
      applied: [],
    });
  });

  it('acts as the machine administrator until the first admin exists, and refuses unknown --as users', async () => {
    const result = await run(['user', 'list', '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ total: 0 });
    expect((await run(['user', 'list', '--as', 'ghost'], env)).code).toBe(3);
  });

  it('creates users (password from stdin), lists them as JSON and changes roles', async () => {
    const admin = await run(
      ['user', 'create', 'root', '--role', 'admin', '--password-stdin', '--json'],
      env,
      'root-password-123\n',
    );
    expect(admin.code, admin.stderr).toBe(0);
    expect(JSON.parse(admin.stdout)).toMatchObject({ username: 'root', role: 'admin' });
    expect((await run(['user', 'create', 'op', '--password', 'op-password-123'], env)).code).toBe(
      0,
    );
    const list = JSON.parse((await run(['user', 'list', '--json'], env)).stdout) as {
      items: { username: string }[];
      total: number;
    };
    expect(list.items.map((u) => u.username).sort()).toEqual(['op', 'root']);
    const role = await run(['user', 'set-role', 'op', 'viewer', '--json'], env);
    expect(JSON.parse(role.stdout)).toMatchObject({ role: 'viewer' });
    const human = await run(['user', 'list'], env);
    expect(human.stdout).toMatch(/USERNAME\s+ROLE/);
  });

  it('maps errors to the exit-code table: usage 2, not found 3, conflict 2', async () => {
    expect((await run(['user', 'set-role', 'op', 'emperor'], env)).code).toBe(2);
    expect((await run(['user', 'disable', 'ghost'], env)).code).toBe(3);
    const duplicate = await run(
      ['user', 'create', 'OP', '--password', 'another-password-1', '--json'],
      env,
    );
    expect(duplicate.code).toBe(2);
    expect(JSON.parse(duplicate.stderr)).toMatchObject({ code: 'resource.conflict' });
    expect((await run(['no-such-command'], env)).code).toBe(2);
    expect(duplicate.stderr).not.toMatch(/\n\s+at /);
  });

  it('sets and gets preferences with user → global fallback, --json after the sub-command', async () => {
    expect((await run(['prefs', 'set', 'retention.days', '14', '--global'], env)).code).toBe(0);
    const viaGlobal = JSON.parse(
      (await run(['prefs', 'get', 'retention.days', '--json'], env)).stdout,
    ) as unknown;
    expect(viaGlobal).toEqual({ key: 'retention.days', value: 14, source: 'global' });
    await run(['prefs', 'set', 'retention.days'], env, '{"days": 3}');
    expect(
      JSON.parse((await run(['--json', 'prefs', 'get', 'retention.days'], env)).stdout),
    ).toMatchObject({ value: { days: 3 }, source: 'user' });
    expect((await run(['prefs', 'get', 'missing.key'], env)).code).toBe(3);
    expect((await run(['prefs', 'set', 'x.y', '{not json'], env)).code).toBe(2);
  });

  it('creates, lists and revokes API tokens for the acting user', async () => {
    const created = JSON.parse(
      (await run(['token', 'create', 'ci', '--as', 'root', '--json'], env)).stdout,
    ) as { token: string; apiToken: { id: string } };
    expect(created.token).toMatch(/^spk_/);
    const list = await run(['token', 'list', '--as', 'root', '--json'], env);
    expect(list.stdout).not.toContain(created.token);
    expect((await run(['token', 'revoke', created.apiToken.id, '--as', 'root'], env)).code).toBe(0);
  });

  it('imports, lists, shows and exports templates', async () => {
    const file = join(dataDir, 'house.nfo.liquid');
    writeFileSync(file, 'House NFO for {{ release_name }}\n');
    const imported = JSON.parse(
      (
        await run(
          ['templates', 'import', file, '--name', 'house', '--type', 'TV', '--default', '--json'],
          env,
        )
      ).stdout,
    ) as { id: string };
    const list = await run(['templates', 'list', '--type', 'TV'], env);
    expect(list.stdout).toContain('house');
    expect((await run(['templates', 'show', 'default', '--type', 'TV'], env)).stdout).toContain(
      'House NFO',
    );
    const out = join(dataDir, 'exported.liquid');
    expect((await run(['templates', 'export', imported.id, out], env)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('House NFO for {{ release_name }}\n');
  });

  it('rotates the secret key: every secret re-encrypted, readable with the new key file only', async () => {
    const config = loadConfig({ SCENEPACKER_DATA_DIR: dataDir });
    const before = await createContainer(config, { logger: silentLogger });
    const root = await before.services.users.findActor('root');
    const caller = { actor: { id: root!.id, role: root!.role } };
    const destination = await before.services.destinations.create(caller, {
      name: 'site',
      protocol: 'sftp',
      host: 'h.example.org',
      username: 'u',
      password: 'sftp-secret',
    });
    await before.services.apiConfigs.create(caller, 'omdb', 'global', { apiKey: 'omdb-secret' });
    await before.close();
    const oldKey = readFileSync(join(dataDir, 'secret.key'), 'utf8');

    const rotated = await run(['secrets', 'rotate', '--json'], env);
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(JSON.parse(rotated.stdout)).toMatchObject({ destinations: 1, apiConfigs: 1 });
    expect(readFileSync(join(dataDir, 'secret.key'), 'utf8')).not.toBe(oldKey);
    expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);

    const after = await createContainer(config, { logger: silentLogger });
    expect((await after.services.destinations.open(caller, destination.id)).password).toBe(
      'sftp-secret',
    );
    expect((await after.services.apiConfigs.credentials(root!.id, 'omdb'))?.apiKey).toBe(
      'omdb-secret',
    );
    await after.close();

    const wrongKey = await createContainer(
      loadConfig({ SCENEPACKER_DATA_DIR: dataDir, SCENEPACKER_SECRET_KEY: oldKey }),
      { logger: silentLogger },
    );
    await expect(wrongKey.services.destinations.open(caller, destination.id)).rejects.toMatchObject(
      { code: 'secrets.wrong_key' },
    );
    await wrongKey.close();
  });

  it('extracts and enriches metadata of a local file (offline: every provider says why it was skipped)', async () => {
    const book = new URL('../../fixtures/metadata/generated/book2.epub', import.meta.url).pathname;
    const extracted = await run(['metadata', 'extract', book, '--json'], env);
    expect(extracted.code, extracted.stderr).toBe(0);
    expect(JSON.parse(extracted.stdout)).toMatchObject({
      format: { format: 'epub' },
      metadata: { kind: 'book' },
    });
    const enriched = await run(['metadata', 'enrich', book, '--offline', '--json'], env);
    const body = JSON.parse(enriched.stdout) as { enriched: { providers: { outcome: string }[] } };
    expect(body.enriched.providers.length).toBeGreaterThan(0);
    expect(body.enriched.providers.every((p) => p.outcome === 'skipped')).toBe(true);
    expect((await run(['metadata', 'enrich', book, '--pin', 'isbn:42'], env)).code).toBe(2);
    expect((await run(['metadata', 'extract', join(dataDir, 'missing.epub')], env)).code).not.toBe(
      0,
    );
  });

  it('prints help and the version', async () => {
    const help = await runScenepacker(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: scenepacker');
    expect((await runScenepacker(['--version'], env)).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('reports an invalid configuration with every problem and exit 9', async () => {
    const result = await runScenepacker(['db', 'status'], {
      ...env,
      PORT: 'x',
      SCENEPACKER_JOB_DRIVER: 'nope',
    });
    expect(result.code).toBe(9);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('SCENEPACKER_JOB_DRIVER');
  });
});
