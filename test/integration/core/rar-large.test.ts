/**
 * A sparse input over 4 GiB (rar-format.md §10.4): the LARGE header fields must be read back by
 * lsar, bsdtar and rarfile, and by our verifier. The output is real bytes (about 4.3 GB on
 * disk) and lsar alone needs over a minute, so the tool runs are registered only with
 * SCENEPACKER_BIG_TESTS=1 (a loud note says when they are left out; they are not counted as
 * skipped, which CI would treat as a failure). The LARGE fields themselves are unit-tested on a
 * streamed 4 GiB input without disk.
 */
import { createReadStream, closeSync, openSync, ftruncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRar } from '../../../src/core/rar/rar-reader.js';
import { planRar } from '../../../src/core/rar/rar-plan.js';
import { writeRar, type RarWriteResult } from '../../../src/core/rar/rar-writer.js';
import { envOrSkip, hasTool } from '../../support/tools.js';
import {
  directorySource,
  fileVolumes,
  quote,
  readWithRarfile,
  rarfilePython,
  sh,
  tempDir,
} from './support.js';

const SIZE = 4 * 2 ** 30 + 123_456_789;
const big = envOrSkip('SCENEPACKER_BIG_TESTS') === '1';

describe('a 4.1 GiB file', () => {
  it('needs five 1 GB volumes with LARGE headers', () => {
    const plan = planRar([{ name: 'big.mkv', size: SIZE }], {
      baseName: 'grp-big',
      volumeSize: 1_000_000_000,
    });
    expect(plan.volumes.map((volume) => volume.size).slice(0, 4)).toEqual([1e9, 1e9, 1e9, 1e9]);
    expect(plan.volumes[0]?.parts[0]?.headerSize).toBe(32 + 8 + 'big.mkv'.length + 5);
  });
});

if (big) {
  describe('a sparse 4.1 GiB file read by the independent tools', () => {
    const root = tempDir('rar-large');
    const source = join(root.path, 'big.mkv');
    const out = join(root.path, 'set');
    let result: RarWriteResult;
    let sourceSha = '';

    beforeAll(async () => {
      const fd = openSync(source, 'w');
      ftruncateSync(fd, SIZE);
      // A few non-zero bytes at the start, across the 4 GiB boundary and at the end.
      for (const position of [0, 2 ** 32 - 2, SIZE - 1]) {
        writeSync(
          fd,
          Buffer.from([0x5a, 0xa5]).subarray(0, position === SIZE - 1 ? 1 : 2),
          0,
          undefined,
          position,
        );
      }
      closeSync(fd);
      sh(`mkdir -p ${quote(out)}`, root.path);
      sourceSha = sh(`sha256sum ${quote(source)}`, root.path).stdout.slice(0, 64);
      result = await writeRar(
        [
          {
            name: 'big.mkv',
            size: SIZE,
            mtime: new Date('2024-03-15T13:45:31Z'),
            open: () => createReadStream(source, { highWaterMark: 1 << 20 }),
          },
        ],
        { baseName: 'grp-big', volumeSize: 1_000_000_000, openVolume: fileVolumes(out) },
      );
    }, 600_000);

    afterAll(() => {
      root.remove();
    });

    it('is read back by our verifier', async () => {
      expect(result.volumes).toHaveLength(5);
      const verified = await verifyRar(directorySource(out));
      expect(verified.findings).toEqual([]);
      expect(verified.entries[0]).toMatchObject({ name: 'big.mkv', size: SIZE, verified: true });
    }, 600_000);

    it.skipIf(!hasTool('lsar'))(
      'passes lsar -t',
      () => {
        const ran = sh(`lsar -t grp-big.rar`, out);
        expect(ran.status, ran.stdout).toBe(0);
        expect(ran.stdout).toContain('1 passed, 0 failed.');
      },
      600_000,
    );

    it.skipIf(!hasTool('bsdtar'))(
      'extracts through bsdtar to the same bytes',
      () => {
        const ran = sh(
          `cat ${result.volumes.map((volume) => quote(volume.name)).join(' ')} | bsdtar -xOf - | sha256sum`,
          out,
        );
        expect(ran.stdout.slice(0, 64)).toBe(sourceSha);
      },
      600_000,
    );

    it.skipIf(rarfilePython() === undefined)(
      'is read by rarfile with the right size and bytes',
      () => {
        const report = readWithRarfile(rarfilePython()!, 'grp-big.rar', out);
        expect(report.error).toBeUndefined();
        expect(report.entries?.[0]).toMatchObject({ size: SIZE, sha256: sourceSha });
      },
      600_000,
    );
  });
}
