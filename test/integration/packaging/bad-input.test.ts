/**
 * What the pack refuses, each with its stable code, and what it leaves behind: nothing. Covers
 * unreadable, empty, unknown and wrong-kind inputs, names the rules refuse, too many volumes, a
 * disk that fills up mid-pack (a fake writable failing with ENOSPC), an existing release,
 * cancelling at 50 %, and a release the checker refuses.
 */
import { mkdirSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaTool } from '../../../src/media/ports.js';
import type { PackRequest } from '../../../src/services/packaging/index.js';
import { LocalWorkspace } from '../../../src/storage/local.js';
import type { Staging, Workspace } from '../../../src/storage/ports.js';
import { tempDir } from '../core/support.js';
import { hasTool } from '../../support/tools.js';
import { makeMkv, makePdf } from './media-files.js';
import { failure, makeService } from './support.js';

const root = tempDir('bad-input');
const service = makeService();
let pdf: string;

beforeAll(() => {
  pdf = join(root.path, 'book.pdf');
  makePdf(pdf, { title: 'Learning Rust', author: 'Jane Doe', year: 2021, padBytes: 12_000_000 });
});
afterAll(() => {
  root.remove();
});

function request(changes: Partial<PackRequest> = {}, outDir = 'out'): PackRequest {
  return {
    input: pdf,
    flags: { type: 'EBOOK', group: 'SCNPKR' },
    outDir: join(root.path, outDir),
    ...changes,
  };
}

const codeOf = async (changes: Partial<PackRequest>, outDir?: string) =>
  (await failure(service.pack(request(changes, outDir)))).code;

/** Nothing is left in `outDir` (it may not even exist). */
function leftIn(outDir: string): string[] {
  try {
    return readdirSync(join(root.path, outDir));
  } catch {
    return [];
  }
}

describe('inputs the pack refuses', () => {
  it('a missing file, a directory and an empty file', async () => {
    expect(await codeOf({ input: join(root.path, 'missing.pdf') })).toBe(
      'release.input_unreadable',
    );
    expect(await codeOf({ input: root.path })).toBe('release.input_unreadable');
    const empty = join(root.path, 'empty.pdf');
    writeFileSync(empty, '');
    expect(await codeOf({ input: empty })).toBe('release.input_empty');
  });

  it('an unknown format, and a book packed as TV', async () => {
    const junk = join(root.path, 'junk.epub');
    writeFileSync(junk, Buffer.from([0x00, 0x01, 0xfe, 0x42, 0x99, 0x13, 0x37, 0x00, 0x10]));
    expect(await codeOf({ input: junk })).toBe('release.format_unknown');
    expect(await codeOf({ flags: { type: 'TV', group: 'SCNPKR' } })).toBe(
      'release.format_not_allowed',
    );
  });

  it('metadata that gives an empty title or no year, and a group with a hyphen', async () => {
    expect(await codeOf({ flags: { type: 'EBOOK', group: 'SCNPKR', title: '¿¿ !!' } })).toBe(
      'release.title_required',
    );
    const undated = join(root.path, 'undated.pdf');
    makePdf(undated, { title: 'No Date', author: 'Jane Doe', year: null });
    expect(await codeOf({ input: undated })).toBe('release.year_required');
    expect(await codeOf({ flags: { type: 'EBOOK', group: 'SCN-PKR' } })).toBe(
      'release.group_invalid',
    );
  });

  it('a book larger than 99 volumes of 250 MB', async () => {
    const huge = join(root.path, 'huge.pdf');
    writeFileSync(huge, '%PDF-1.4\n');
    // Sparse: 25 GB on paper, nothing on disk. Too large to read, so flags give the facts.
    truncateSync(huge, 25_000_000_000);
    const flags = {
      type: 'EBOOK' as const,
      group: 'SCNPKR',
      title: 'Huge',
      author: 'A B',
      year: 2020,
    };
    expect(await codeOf({ input: huge, flags })).toBe('release.too_many_volumes');
  });
});

describe('failures during the pack leave nothing behind', () => {
  it('an existing release without --force', async () => {
    mkdirSync(join(root.path, 'exists', 'Jane.Doe.Learning.Rust.2021.RETAiL.eBOOK-SCNPKR'), {
      recursive: true,
    });
    expect(await codeOf({}, 'exists')).toBe('release.exists');
    expect(leftIn('exists')).toEqual(['Jane.Doe.Learning.Rust.2021.RETAiL.eBOOK-SCNPKR']);
  });

  it('a disk that fills up mid-pack: release.disk_full', async () => {
    const full = makeService({ workspace: fillingWorkspace(7_000_000) });
    const error = await failure(full.pack(request({}, 'full')));
    expect(error.code).toBe('release.disk_full');
    expect(leftIn('full')).toEqual([]);
  });

  it('cancelling at 50 %: release.cancelled', async () => {
    const controller = new AbortController();
    const error = await failure(
      service.pack(request({}, 'cancel'), {
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === 'progress' && event.bytesDone >= event.bytesTotal / 2) {
            controller.abort();
          }
        },
      }),
    );
    expect(error.code).toBe('release.cancelled');
    expect(leftIn('cancel')).toEqual([]);
  });

  it.skipIf(!hasTool('ffmpeg'))(
    'a release the checker refuses: release.check_failed with the findings',
    async () => {
      const refusing = makeService({ media: shortSampleTool() });
      const mkv = makeMkv(root.path, 'episode', { seconds: 80 });
      const tv = request(
        {
          input: mkv,
          flags: { type: 'TV', group: 'SCNPKR', show: 'Show Name', episode: 'S01E02' },
        },
        'refused',
      );
      const error = await failure(refusing.pack(tv));
      expect(error.code).toBe('release.check_failed');
      const findings = (error.details as { findings: { rule: string }[] }).findings;
      expect(findings.map((f) => f.rule)).toContain('sample.duration');
      expect(leftIn('refused')).toEqual([]);
    },
  );
});

/** The local workspace, except that every staged file fails with ENOSPC past `limit` bytes in all. */
function fillingWorkspace(limit: number): Workspace {
  const local = new LocalWorkspace();
  let written = 0;
  const full = (): Error =>
    Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
  return {
    stat: (path) => local.stat(path),
    openRead: (path, range) => local.openRead(path, range),
    list: (dir) => local.list(dir),
    freeBytes: () => Promise.resolve(null),
    async stage(parent, name, options) {
      const staging = await local.stage(parent, name, options);
      const createFile = async (path: string): Promise<Writable> => {
        const real = await staging.createFile(path);
        return new Writable({
          write(chunk: Buffer, _encoding, callback) {
            written += chunk.length;
            if (written > limit) {
              callback(full());
              return;
            }
            real.write(chunk, callback);
          },
          final(callback) {
            real.end(callback);
          },
          destroy(error, callback) {
            real.destroy();
            callback(error);
          },
        });
      };
      return {
        target: staging.target,
        dir: staging.dir,
        pathOf: (path) => staging.pathOf(path),
        createFile,
        writeFile: (path, bytes) => staging.writeFile(path, bytes),
        patch: (path, edits) => staging.patch(path, edits),
        remove: (path) => staging.remove(path),
        list: () => staging.list(),
        openRead: (path, range) => staging.openRead(path, range),
        publish: () => staging.publish(),
        discard: () => staging.discard(),
      } satisfies Staging;
    },
  };
}

/** A media tool that "cuts" a 10-second sample: the checker must refuse it. */
function shortSampleTool(): MediaTool {
  return {
    available: () => Promise.resolve(true),
    cutSample: async ({ output }) => {
      writeFileSync(output, 'not really a video');
      await Promise.resolve();
    },
    probeDuration: (path) => Promise.resolve(path.endsWith('.sample.mkv') ? 10 : 3000),
  };
}
