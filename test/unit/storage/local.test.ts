import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSink } from '../../../src/storage/file-sink.js';
import { LocalWorkspace } from '../../../src/storage/local.js';

let root: string;
const workspace = new LocalWorkspace();

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sp-storage-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected a rejection');
}

async function streamFailure(stream: Readable): Promise<{ code?: string }> {
  return rejection(text(stream));
}

describe('LocalWorkspace reading', () => {
  it('states files and directories, and null for nothing', async () => {
    writeFileSync(join(root, 'a.bin'), 'hello');
    expect(await workspace.stat(join(root, 'a.bin'))).toMatchObject({ kind: 'file', size: 5 });
    expect(await workspace.stat(root)).toMatchObject({ kind: 'directory' });
    expect(await workspace.stat(join(root, 'missing'))).toBeNull();
    expect(await workspace.stat(join(root, 'a.bin', 'below'))).toBeNull();
  });

  it('reads a whole file or a [start, end) range', async () => {
    writeFileSync(join(root, 'a.bin'), '0123456789');
    expect(await text(workspace.openRead(join(root, 'a.bin')))).toBe('0123456789');
    expect(await text(workspace.openRead(join(root, 'a.bin'), { start: 2, end: 5 }))).toBe('234');
  });

  it('fails a read of a missing file or a directory with release.input_unreadable', async () => {
    const missing = await streamFailure(workspace.openRead(join(root, 'nope')));
    expect(missing.code).toBe('release.input_unreadable');
    const dir = await streamFailure(workspace.openRead(root));
    expect(dir.code).toBe('release.input_unreadable');
  });

  it('lists a tree sorted by path, and refuses a missing directory', async () => {
    mkdirSync(join(root, 'Sample'));
    writeFileSync(join(root, 'Sample', 'x.mkv'), 'abc');
    writeFileSync(join(root, 'b.nfo'), 'n');
    expect(await workspace.list(root)).toEqual([
      { path: 'Sample', kind: 'directory', size: 0 },
      { path: 'Sample/x.mkv', kind: 'file', size: 3 },
      { path: 'b.nfo', kind: 'file', size: 1 },
    ]);
    expect((await rejection(workspace.list(join(root, 'nope')))).code).toBe('resource.not_found');
  });

  it('knows the free space of a directory that does not exist yet', async () => {
    const free = await workspace.freeBytes(join(root, 'not', 'yet'));
    expect(free).toBeGreaterThan(0);
  });
});

describe('LocalWorkspace staging and publishing', () => {
  it('stages next to the target, then publishes by rename with nothing left behind', async () => {
    const staging = await workspace.stage(join(root, 'out'), 'Rel-GRP', { overwrite: false });
    expect(staging.dir.startsWith(join(root, 'out', '.Rel-GRP.partial-'))).toBe(true);
    await staging.writeFile('a.nfo', Buffer.from('nfo'));
    const sink = await staging.createFile('Sample/s.mkv');
    await pipeline(Readable.from([Buffer.from('abcdef')]), sink);
    await staging.patch('Sample/s.mkv', [{ offset: 1, bytes: Buffer.from('XY') }]);
    expect((await staging.list()).map((e) => e.path)).toEqual(['Sample', 'Sample/s.mkv', 'a.nfo']);
    expect(await staging.publish()).toBe(join(root, 'out', 'Rel-GRP'));
    expect(readdirSync(join(root, 'out'))).toEqual(['Rel-GRP']);
    expect(readFileSync(join(root, 'out', 'Rel-GRP', 'Sample', 's.mkv'), 'utf8')).toBe('aXYdef');
    await staging.discard();
    expect(existsSync(join(root, 'out', 'Rel-GRP', 'a.nfo'))).toBe(true);
  });

  it('refuses an existing target without overwrite, at stage time and at publish time', async () => {
    mkdirSync(join(root, 'Rel-GRP'));
    const early = await rejection(workspace.stage(root, 'Rel-GRP', { overwrite: false }));
    expect(early.code).toBe('release.exists');
    rmSync(join(root, 'Rel-GRP'), { recursive: true });
    const staging = await workspace.stage(root, 'Rel-GRP', { overwrite: false });
    mkdirSync(join(root, 'Rel-GRP'));
    expect((await rejection(staging.publish())).code).toBe('release.exists');
    await staging.discard();
    expect(readdirSync(root)).toEqual(['Rel-GRP']);
  });

  it('replaces an existing release with overwrite and removes the old one', async () => {
    mkdirSync(join(root, 'Rel-GRP'));
    writeFileSync(join(root, 'Rel-GRP', 'old.txt'), 'old');
    const staging = await workspace.stage(root, 'Rel-GRP', { overwrite: true });
    await staging.writeFile('new.txt', Buffer.from('new'));
    await staging.publish();
    expect(readdirSync(root)).toEqual(['Rel-GRP']);
    expect(readdirSync(join(root, 'Rel-GRP'))).toEqual(['new.txt']);
  });

  it('discards everything it staged', async () => {
    const staging = await workspace.stage(root, 'Rel-GRP', { overwrite: false });
    await staging.writeFile('deep/er/file.bin', Buffer.alloc(1000));
    await staging.discard();
    await staging.discard();
    expect(readdirSync(root)).toEqual([]);
  });

  it('refuses names that are not one path component, and paths leaving the release', async () => {
    for (const name of ['', '..', 'a/b', '/abs']) {
      expect((await rejection(workspace.stage(root, name, { overwrite: false }))).code).toBe(
        'validation.failed',
      );
    }
    const staging = await workspace.stage(root, 'Rel-GRP', { overwrite: false });
    expect(() => staging.pathOf('../escape')).toThrow(/not inside the release/);
    await staging.discard();
  });
});

describe('FileSink', () => {
  it('turns ENOSPC into release.disk_full (written to /dev/full)', async () => {
    const failure = await rejection(
      pipeline(Readable.from([Buffer.alloc(64 * 1024)]), new FileSink('/dev/full')),
    );
    expect(failure.code).toBe('release.disk_full');
    expect(failure.message).toMatch(/disk is full/);
  });
});
