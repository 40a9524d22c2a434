import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyRar, type RarVerifyResult } from '../../../../src/core/rar/rar-reader.js';
import { writeRar } from '../../../../src/core/rar/rar-writer.js';
import { FIXTURE_DIR, GOLDEN_CASES } from './golden-cases.js';
import {
  chunked,
  crcOf,
  memorySource,
  memoryVolumes,
  parseVolume,
  patternBytes,
  resealEnd,
  resealHeader,
  subBlock,
} from './support.js';

async function writeSet(
  data: Buffer,
  volumeSize: number,
  name = 'movie.mkv',
): Promise<Map<string, Buffer>> {
  const memory = memoryVolumes();
  const result = await writeRar(
    [{ name, size: data.length, mtime: new Date('2024-05-06T07:08:10Z'), open: chunked(data) }],
    {
      baseName: 'set',
      volumeSize,
      openVolume: memory.openVolume,
    },
  );
  return new Map(
    result.volumes.map((volume) => [volume.name, Buffer.from(memory.bytesOf(volume.name))]),
  );
}

const flip = (bytes: Buffer, offset: number, mask: number): void => {
  bytes[offset] = (bytes[offset] ?? 0) ^ mask;
};

const rules = (result: RarVerifyResult): string[] =>
  [...new Set(result.findings.map((item) => item.rule))].sort();
const errors = (result: RarVerifyResult): string[] =>
  [
    ...new Set(result.findings.filter((item) => item.level === 'error').map((item) => item.rule)),
  ].sort();

describe('verifyRar on good archives', () => {
  it.each(GOLDEN_CASES.map((golden) => [golden.id, golden] as const))(
    'accepts the %s fixture',
    async (id, golden) => {
      const directory = new URL(`${id}/`, FIXTURE_DIR);
      const files = new Map(
        readdirSync(directory).map((name) => [name, readFileSync(new URL(name, directory))]),
      );
      const result = await verifyRar(memorySource(files));
      expect(result.findings).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.format).toBe('rar4');
      expect(
        result.entries.map((entry) => [
          entry.name,
          entry.size,
          entry.crc32,
          entry.verified,
          entry.store,
        ]),
      ).toEqual(
        golden.files.map((file) => [file.name, file.data.length, crcOf(file.data), true, true]),
      );
      expect(result.entries[0]?.mtime).toBe('2024-03-15 13:45:30');
      expect(result.volumes.map((volume) => [volume.name, volume.size, volume.crc32])).toEqual(
        [...files.keys()]
          .sort((a, b) => (a.endsWith('.rar') ? -1 : b.endsWith('.rar') ? 1 : a.localeCompare(b)))
          .map((name) => [name, files.get(name)!.length, crcOf(files.get(name)!)]),
      );
    },
  );

  it('verifies a larger set, reports progress and ignores files of other sets', async () => {
    const files = await writeSet(patternBytes(300_000, 9), 50_000);
    files.set('other.rar', Buffer.from('not this one'));
    const progress: number[] = [];
    const result = await verifyRar(memorySource(files), {
      first: 'set.rar',
      onProgress: (event) => progress.push(event.bytesDone),
    });
    expect(result.ok).toBe(true);
    expect(result.archive).toEqual({
      multiVolume: true,
      newNumbering: false,
      solid: false,
      recoveryRecord: false,
      encrypted: false,
    });
    expect(result.entries[0]?.volumes).toHaveLength(7);
    expect(progress.at(-1)).toBe(
      [...files]
        .filter(([name]) => name.startsWith('set'))
        .reduce((sum, [, bytes]) => sum + bytes.length, 0),
    );
  });
});

describe('verifyRar on damaged archives', () => {
  const make = () => writeSet(patternBytes(200_000, 4), 50_000);

  it.each([
    ['set.rar', ['rar.part_crc', 'rar.volume_crc']],
    ['set.r01', ['rar.part_crc', 'rar.volume_crc']],
    ['set.r03', ['rar.file_crc', 'rar.volume_crc']],
  ])('finds a flipped data byte in %s', async (volume, expected) => {
    const files = await make();
    const bytes = files.get(volume)!;
    flip(bytes, 20 + 46 + 100, 0x01); // 100 bytes into the data
    const result = await verifyRar(memorySource(files));
    expect(result.ok).toBe(false);
    expect(errors(result)).toEqual(expected);
    expect(result.entries[0]?.verified).toBe(false);
  });

  it('finds a flipped header byte', async () => {
    const files = await make();
    flip(files.get('set.r00')!, 20 + 35, 0x20); // inside the file name
    expect(errors(await verifyRar(memorySource(files)))).toContain('rar.header_crc');
  });

  it('finds a wrong per-part CRC even when the header CRC was fixed to match', async () => {
    const files = await make();
    const bytes = files.get('set.r00')!;
    bytes.writeUInt32LE((bytes.readUInt32LE(20 + 16) ^ 1) >>> 0, 20 + 16);
    resealHeader(bytes, 20);
    resealEnd(bytes);
    expect(errors(await verifyRar(memorySource(files)))).toEqual(['rar.part_crc']);
  });

  it('finds a wrong DATACRC that no other reader checks', async () => {
    const files = await make();
    const bytes = files.get('set.r01')!;
    bytes.writeUInt32LE((bytes.readUInt32LE(bytes.length - 13) ^ 1) >>> 0, bytes.length - 13);
    resealHeader(bytes, bytes.length - 20);
    expect(errors(await verifyRar(memorySource(files)))).toEqual(['rar.volume_crc']);
  });

  it('finds a truncated volume', async () => {
    const files = await make();
    files.set('set.r01', files.get('set.r01')!.subarray(0, 30_000));
    const result = await verifyRar(memorySource(files));
    expect(errors(result)).toContain('rar.truncated');
    // The verifier goes on with the next volume, so one cut volume does not hide the others.
    expect(result.volumes).toHaveLength(5);
  });

  it('finds a missing middle or last volume', async () => {
    for (const missing of ['set.r01', 'set.r03']) {
      const files = await make();
      files.delete(missing);
      const result = await verifyRar(memorySource(files));
      expect(errors(result)).toEqual(['rar.volume_missing']);
      expect(result.findings.find((item) => item.rule === 'rar.volume_missing')?.volume).toBe(
        missing,
      );
    }
  });

  it('finds volumes renamed to the other naming style', async () => {
    const files = await make();
    const renamed = new Map(
      [...files.values()].map((bytes, index) => [`set.part${index + 1}.rar`, bytes]),
    );
    expect(errors(await verifyRar(memorySource(renamed), { first: 'set.part1.rar' }))).toEqual([
      'rar.volume_missing',
    ]);
  });

  it('finds a volume from another set spliced in', async () => {
    const files = await make();
    const other = await writeSet(patternBytes(200_000, 5), 50_000, 'other.mkv');
    files.set('set.r01', other.get('set.r01')!);
    const result = await verifyRar(memorySource(files));
    expect(errors(result)).toContain('rar.continuity');
  });

  it('reports a missing first volume, a non-RAR file and a RAR5 file', async () => {
    expect(errors(await verifyRar(memorySource(new Map())))).toEqual(['rar.volume_missing']);
    const text = await verifyRar(memorySource(new Map([['x.rar', Buffer.from('hello world')]])));
    expect(errors(text)).toEqual(['rar.not_rar']);
    const rar5 = Buffer.concat([Buffer.from('526172211a070100', 'hex'), Buffer.alloc(50)]);
    const result = await verifyRar(memorySource(new Map([['x.rar', rar5]])));
    expect(result.format).toBe('rar5');
    expect(errors(result)).toEqual(['rar.rar5']);
  });
});

describe('verifyRar on archives from other packers', () => {
  it('accepts volumes without end blocks and with FIRSTVOLUME everywhere (ASAP/IMMERSE style)', async () => {
    const files = await writeSet(patternBytes(120_000, 2), 50_000);
    for (const [name, bytes] of files) {
      const trimmed = Buffer.from(bytes.subarray(0, bytes.length - 20));
      trimmed.writeUInt16LE(0x0101, 7 + 3);
      resealHeader(trimmed, 7);
      files.set(name, trimmed);
    }
    const result = await verifyRar(memorySource(files));
    expect(result.ok).toBe(true);
    expect(rules(result)).toEqual(['rar.no_end_block', 'rar.volume_flags']);
    expect(result.entries[0]?.verified).toBe(true);
  });

  it('accepts new-style .partN.rar names when the NEWNUMBERING flag says so', async () => {
    const files = await writeSet(patternBytes(120_000, 2), 50_000);
    const renamed = new Map<string, Buffer>();
    [...files.values()].forEach((bytes, index) => {
      bytes.writeUInt16LE(bytes.readUInt16LE(10) | 0x0010, 10);
      resealHeader(bytes, 7);
      resealEnd(bytes);
      renamed.set(`set.part${index + 1}.rar`, bytes);
    });
    const result = await verifyRar(memorySource(renamed));
    expect(result.findings).toEqual([]);
    expect(result.archive.newNumbering).toBe(true);
    expect(result.volumes.map((volume) => volume.name)).toEqual([
      'set.part1.rar',
      'set.part2.rar',
      'set.part3.rar',
    ]);
  });

  it('reports a recovery record, a comment block, compression and encryption', async () => {
    const files = await writeSet(patternBytes(1000, 2), 50_000);
    const single = files.get('set.rar')!;
    const end = single.subarray(single.length - 7);
    const withBlocks = Buffer.concat([
      single.subarray(0, single.length - 7),
      subBlock('CMT', Buffer.from('hi')),
      subBlock('RR', Buffer.alloc(64)),
      end,
    ]);
    const flagged = Buffer.from(withBlocks);
    flagged[20 + 25] = 0x33;
    flagged.writeUInt16LE(flagged.readUInt16LE(20 + 3) | 0x0004, 20 + 3);
    resealHeader(flagged, 20);
    const result = await verifyRar(memorySource(new Map([['set.rar', flagged]])));
    expect(rules(result)).toEqual([
      'rar.comment',
      'rar.encrypted',
      'rar.not_store',
      'rar.recovery_record',
    ]);
    expect(result.archive.recoveryRecord).toBe(true);
    expect(result.entries[0]?.verified).toBe(false);
    expect(parseVolume(flagged).files[0]?.method).toBe(0x33);
  });
});

describe('verifyRar: cancellation and unreadable input', () => {
  it('rejects with release.cancelled when aborted', async () => {
    const files = await writeSet(patternBytes(200_000, 4), 50_000);
    const controller = new AbortController();
    const promise = verifyRar(memorySource(files), {
      signal: controller.signal,
      onProgress: (event) => {
        if (event.bytesDone > 60_000) {
          controller.abort();
        }
      },
    });
    await expect(promise).rejects.toMatchObject({ code: 'release.cancelled' });
  });

  it('rejects with release.input_unreadable when a volume cannot be read', async () => {
    const source = {
      files: [{ name: 'x.rar', size: 100 }],
      open: async function* (): AsyncGenerator<Uint8Array> {
        await Promise.resolve();
        yield* [];
        throw Object.assign(new Error('EIO'), { code: 'EIO' });
      },
    };
    await expect(verifyRar(source)).rejects.toMatchObject({ code: 'release.input_unreadable' });
  });
});
