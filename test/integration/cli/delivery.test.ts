/**
 * `scenepacker destinations …` and `scenepacker deliver …` as a user types them: a stored SFTP
 * site on a real OpenSSH sshd, a local folder given as a file:// URL, remote mode against a real
 * listening server with a personal API token, and the failures a packer meets (unknown name,
 * refused connection, unreachable server) with their exit statuses — never a password in output.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/env.js';
import { createContainer } from '../../../src/main/container.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { makeRelease, sha256File, type ReleaseFixture } from '../delivery/release-fixture.js';
import { cannotRunServers } from '../delivery/servers.js';
import { makeRemoteRoot, type RemoteRoot } from '../../support/servers/remote-root.js';
import { sshdPath, startSshd, type SshdServer } from '../../support/servers/sshd.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import { runInProcess } from './run-cli.js';

const run = runInProcess;

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return typeof address === 'object' && address !== null ? address.port : 1;
}

function expectSameFiles(release: ReleaseFixture, remoteDir: string): void {
  for (const [path, hash] of release.hashes) {
    expect(sha256File(join(remoteDir, path)), path).toBe(hash);
  }
}

let dataDir: string;
let env: Record<string, string>;
let release: ReleaseFixture;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sp-cli-deliver-'));
  env = { SCENEPACKER_DATA_DIR: dataDir };
  expect((await run(['db', 'migrate'], env)).code).toBe(0);
  release = makeRelease(300_000);
});
afterAll(() => {
  release.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('scenepacker deliver to URLs and failures', () => {
  it('delivers to a local folder given as file:// and reports every file uploaded', async () => {
    const target = mkdtempSync(join(tmpdir(), 'sp-cli-target-'));
    try {
      const result = await run(['deliver', release.dir, '--to', `file://${target}`, '--json'], env);
      expect(result.code, result.stderr).toBe(0);
      const body = JSON.parse(result.stdout) as {
        destinations: { status: string; uploaded: string[]; destination: string }[];
      };
      expect(body.destinations).toHaveLength(1);
      expect(body.destinations[0]?.status).toBe('completed');
      expect(body.destinations[0]?.uploaded).toHaveLength(release.hashes.size);
      expectSameFiles(release, join(target, release.name));

      const again = await run(['deliver', release.dir, '--to', `file://${target}`], env);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain(`${release.hashes.size} already there`);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });

  it('refuses an unknown destination name with exit 3 before any upload', async () => {
    const result = await run(['deliver', release.dir, '--to', 'no-such-site'], env);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('resource.not_found');
  });

  it('fails a refused FTP connection with exit 6, its code, and no password anywhere', async () => {
    const port = await closedPort();
    const url = `ftp://packer:s3cret-pass@127.0.0.1:${port}/incoming?timeout=2000`;
    const result = await run(['deliver', release.dir, '--to', url, '--json'], env);
    expect(result.code).toBe(6);
    expect(JSON.parse(result.stderr.trim()).code).toBe('delivery.connection_refused');
    expect(`${result.stdout}${result.stderr}`).not.toContain('s3cret-pass');
  }, 30_000);

  it('refuses an unknown URL scheme as bad input (exit 2)', async () => {
    const result = await run(['deliver', release.dir, '--to', 'gopher://host/x'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('validation.failed');
  });
});

const noSshd = cannotRunServers(sshdPath() ?? 'sshd') || cannotRunServers('ssh-keygen');

describe.skipIf(noSshd)('scenepacker destinations and deliver on a real sshd', () => {
  let server: SshdServer;
  let root: RemoteRoot;
  beforeAll(async () => {
    server = await startSshd();
    root = makeRemoteRoot(server.user);
  });
  afterAll(async () => {
    await server.stop();
    root.remove();
  });

  const siteUrl = () =>
    `sftp://${server.user.name}@${server.host}:${server.port}${root.writable}?fingerprint=${encodeURIComponent(server.hostKeyFingerprint)}`;

  it('asks for an account before the first destination is stored', async () => {
    const result = await run(['destinations', 'add', 'early', siteUrl()], env);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('scenepacker user create');
    const admin = ['user', 'create', 'packer', '--role', 'admin', '--password-stdin'];
    expect((await run(admin, env, 'packer-password-123\n')).code).toBe(0);
  });

  it('adds a site from a URL with the password on stdin, lists it masked, tests it', async () => {
    const add = await run(
      ['destinations', 'add', 'site1', siteUrl(), '--password-stdin', '--json'],
      env,
      `${server.user.password}\n`,
    );
    expect(add.code, add.stderr).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ name: 'site1', password: '********' });

    const list = await run(['destinations', 'list', '--json'], env);
    expect(list.stdout).not.toContain(server.user.password);
    expect((JSON.parse(list.stdout) as { name: string }[]).map((d) => d.name)).toContain('site1');

    const test = await run(['destinations', 'test', 'site1'], env);
    expect(test.code, test.stderr).toBe(0);
    expect(test.stdout).toMatch(/^OK site1/);
  });

  it('delivers by name, records the attempt in the database, byte-identical remote files', async () => {
    const result = await run(['deliver', release.dir, '--to', 'site1', '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    expectSameFiles(release, join(root.writable, release.name));

    const container = await createContainer(loadConfig(env), { logger: silentLogger });
    try {
      const site = await container.db.repos.destinations.list(
        { userId: undefined },
        { limit: 10, offset: 0 },
      );
      const id = site.items.find((d) => d.name === 'site1')?.id;
      const rows = await container.db.repos.deliveries.list({ destinationId: id });
      expect(rows.map((row) => row.status)).toContain('completed');
    } finally {
      await container.close();
    }
  });

  it('fails the test of a site whose port is closed with exit 6 and the reason', async () => {
    const url = `sftp://${server.user.name}@127.0.0.1:${await closedPort()}/x?timeout=2000`;
    expect(
      (await run(['destinations', 'add', 'down', url, '--password-stdin'], env, 'pw')).code,
    ).toBe(0);
    const test = await run(['destinations', 'test', 'down'], env);
    expect(test.code).toBe(6);
    expect(test.stdout).toMatch(/^FAILED down/);
    expect(test.stderr).toContain('delivery.connection_refused');
    expect((await run(['destinations', 'remove', 'down'], env)).code).toBe(0);
    expect((await run(['destinations', 'remove', 'down'], env)).code).toBe(3);
  }, 30_000);
});

describe('scenepacker destinations in remote mode', () => {
  let app: TestApp;
  let remoteEnv: Record<string, string>;
  beforeAll(async () => {
    app = await createTestApp();
    const address = await app.app.listen({ port: 0, host: '127.0.0.1' });
    const created = await app.admin.request({
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'cli' },
    });
    expect(created.statusCode, created.body).toBe(201);
    remoteEnv = {
      SCENEPACKER_DATA_DIR: mkdtempSync(join(tmpdir(), 'sp-cli-remote-')),
      SCENEPACKER_API_URL: address,
      SCENEPACKER_API_TOKEN: created.json<{ token: string }>().token,
    };
  });
  afterAll(async () => {
    await app.close();
    rmSync(remoteEnv.SCENEPACKER_DATA_DIR ?? '', { recursive: true, force: true });
  });

  it('adds, lists, tests and removes destinations on the server, not in a local database', async () => {
    const port = await closedPort();
    const url = `ftp://packer@127.0.0.1:${port}/incoming?timeout=2000`;
    const add = await run(
      ['destinations', 'add', 'remote1', url, '--password-stdin'],
      remoteEnv,
      'pw',
    );
    expect(add.code, add.stderr).toBe(0);
    const onServer = await app.admin.request({ method: 'GET', url: '/api/destinations' });
    expect(onServer.json<{ items: { name: string }[] }>().items.map((d) => d.name)).toEqual([
      'remote1',
    ]);

    const test = await run(['destinations', 'test', 'remote1', '--json'], remoteEnv);
    expect(test.code).toBe(6);
    expect(JSON.parse(test.stdout)).toMatchObject({ success: false });

    expect((await run(['destinations', 'remove', 'remote1'], remoteEnv)).code).toBe(0);
    const list = await run(['destinations', 'list', '--json'], remoteEnv);
    expect(JSON.parse(list.stdout)).toEqual([]);
  }, 30_000);

  it('keeps the server error codes: a duplicate name is a conflict, a bad token is refused', async () => {
    const url = 'ftp://packer@127.0.0.1:2121/in';
    expect((await run(['destinations', 'add', 'twice', url], remoteEnv)).code).toBe(0);
    const again = await run(['destinations', 'add', 'twice', url], remoteEnv);
    expect(again.stderr).toContain('resource.conflict');
    const bad = await run(['destinations', 'list'], { ...remoteEnv, SCENEPACKER_API_TOKEN: 'x' });
    expect(bad.stderr).toContain('auth.');
    expect(bad.code).not.toBe(0);
  });

  it('says the server is unreachable (exit 9) instead of crashing', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const result = await run(['destinations', 'list'], { ...remoteEnv, SCENEPACKER_API_URL: url });
    expect(result.code).toBe(9);
    expect(result.stderr).toContain('remote.unreachable');
  });
});
