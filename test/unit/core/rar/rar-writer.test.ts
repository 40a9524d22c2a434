import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFileName } from '../../../../src/core/rar/file-name-codec.js';
import { planRar } from '../../../../src/core/rar/rar-plan.js';
import { writeRar, type RarInputFile } from '../../../../src/core/rar/rar-writer.js';
import { FIXTURE_DIR, GOLDEN_CASES, type GoldenCase } from './golden-cases.js';
import { chunked, crcOf, memoryVolumes, parseVolume, patternBytes } from './support.js';

const inputs = (
  files: { name: string; data: Buffer; mtime?: Date }[],
  chunk = 4096,
): RarInputFile[] =>
  files.map((file) => ({
    name: file.name,
    size: file.data.length,
    mtime: file.mtime ?? new Date('2024-01-01T00:00:00Z'),
    open: chunked(file.data, chunk),
  }));

async function writeCase(golden: GoldenCase, chunk = 4096) {
  const memory = memoryVolumes();
  const result = await writeRar(inputs(golden.files, chunk), {
    baseName: golden.baseName,
    volumeSize: golden.volumeSize,
    openVolume: memory.openVolume,
  });
  return { memory, result };
}

describe('writeRar: golden files', () => {
  it.each(GOLDEN_CASES.map((golden) => [golden.id, golden] as const))(
    '%s matches its fixture',
    async (id, golden) => {
      const { memory, result } = await writeCase(golden);
      const directory = new URL(`${id}/`, FIXTURE_DIR);
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(directory, { recursive: true });
        for (const volume of result.volumes) {
          writeFileSync(new URL(volume.name, directory), memory.bytesOf(volume.name));
        }
      }
      expect(existsSync(directory)).toBe(true);
      expect(readdirSync(directory).sort()).toEqual(
        result.volumes.map((volume) => volume.name).sort(),
      );
      for (const volume of result.volumes) {
        expect(
          memory.bytesOf(volume.name).equals(readFileSync(new URL(volume.name, directory))),
        ).toBe(true);
      }
    },
  );
});

describe('writeRar: structure (rar-format.md §10.2)', () => {
  it('writes exact volumes with per-part CRCs, the whole CRC last and correct end blocks', async () => {
    const data = patternBytes(250_000, 5);
    const memory = memoryVolumes();
    const result = await writeRar(inputs([{ name: 'video.mkv', data }], 10_000), {
      baseName: 'set',
      volumeSize: 60_000,
      openVolume: memory.openVolume,
    });
    expect(result.volumes.map((volume) => volume.name)).toEqual([
      'set.rar',
      'set.r00',
      'set.r01',
      'set.r02',
      'set.r03',
    ]);
    let consumed = 0;
    result.volumes.forEach((volume, index) => {
      const bytes = memory.bytesOf(volume.name);
      const last = index === result.volumes.length - 1;
      const parsed = parseVolume(bytes);
      expect(parsed.badHeaderCrcs).toBe(0);
      expect(bytes.length).toBe(volume.size);
      if (!last) {
        expect(bytes.length).toBe(60_000);
      }
      expect(parsed.mainFlags).toBe(index === 0 ? 0x0101 : 0x0001);
      expect(parsed.files).toHaveLength(1);
      const file = parsed.files[0]!;
      expect(file.flags).toBe(0x90c0 | (index > 0 ? 1 : 0) | (last ? 0 : 2));
      expect(file.unpackedSize).toBe(data.length);
      expect(file.method).toBe(0x30);
      expect(file.data.equals(data.subarray(consumed, consumed + file.packSize))).toBe(true);
      expect(file.crc).toBe(last ? crcOf(data) : crcOf(file.data));
      consumed += file.packSize;
      expect(parsed.endFlags).toBe(last ? 0x400e : 0x400f);
      expect(parsed.endSize).toBe(20);
      expect(parsed.volumeNumber).toBe(index);
      expect(parsed.dataCrc).toBe(crcOf(bytes.subarray(0, parsed.endOffset)));
      expect(parsed.endOffset + 20).toBe(bytes.length);
      expect(volume.crc32).toBe(crcOf(bytes));
    });
    expect(consumed).toBe(data.length);
    expect(result.files).toEqual([{ name: 'video.mkv', size: data.length, crc32: crcOf(data) }]);
  });

  it('writes a single volume as a plain archive', async () => {
    const { memory, result } = await writeCase(GOLDEN_CASES[0]!);
    const parsed = parseVolume(memory.bytesOf(result.volumes[0]!.name));
    expect(parsed.mainFlags).toBe(0);
    expect(parsed.files[0]?.flags).toBe(0x90c0);
    expect(parsed.endFlags).toBe(0x4000);
    expect(parsed.endSize).toBe(7);
  });

  it('stores Unicode names with the UNICODE flag', async () => {
    const { memory, result } = await writeCase(GOLDEN_CASES[2]!);
    for (const volume of result.volumes) {
      const file = parseVolume(memory.bytesOf(volume.name)).files[0]!;
      expect(file.flags & 0x0200).toBe(0x0200);
      expect(decodeFileName(file.nameBytes, true)).toBe('Ærø – 日本語 😀.txt');
    }
  });

  it('produces exactly the planned volumes for random inputs and chunkings', async () => {
    for (let round = 0; round < 40; round += 1) {
      const files = Array.from({ length: 1 + (round % 3) }, (_, index) => ({
        name: `dir/file-${index}.bin`,
        data: patternBytes(Math.floor(Math.random() * 30_000), round * 7 + index + 1),
      }));
      const volumeSize = 500 + Math.floor(Math.random() * 9000);
      const plan = planRar(
        files.map((file) => ({ name: file.name, size: file.data.length })),
        { baseName: 'p', volumeSize },
      );
      const memory = memoryVolumes();
      const result = await writeRar(inputs(files, 1 + Math.floor(Math.random() * 5000)), {
        baseName: 'p',
        volumeSize,
        openVolume: memory.openVolume,
      });
      expect(result.volumes.map((volume) => [volume.name, volume.size])).toEqual(
        plan.volumes.map((volume) => [volume.name, volume.size]),
      );
      for (const volume of result.volumes) {
        expect(memory.bytesOf(volume.name).length).toBe(volume.size);
      }
    }
  });

  it('is deterministic, whatever the process time zone', async () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Auckland';
      const first = await writeCase(GOLDEN_CASES[1]!, 333);
      process.env.TZ = 'America/Los_Angeles';
      const second = await writeCase(GOLDEN_CASES[1]!, 4096);
      for (const volume of first.result.volumes) {
        expect(first.memory.bytesOf(volume.name).equals(second.memory.bytesOf(volume.name))).toBe(
          true,
        );
      }
    } finally {
      process.env.TZ = before;
    }
  });

  it('reports progress up to the total, naming the current file', async () => {
    const events: { bytesDone: number; file: string }[] = [];
    const memory = memoryVolumes();
    await writeRar(
      inputs([
        { name: 'a', data: patternBytes(10_000) },
        { name: 'b', data: patternBytes(5000) },
      ]),
      {
        baseName: 'p',
        volumeSize: 3000,
        openVolume: memory.openVolume,
        onProgress: (event) => events.push(event),
      },
    );
    const done = events.map((event) => event.bytesDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ bytesDone: 15_000, bytesTotal: 15_000, file: 'b' });
    expect(events.some((event) => event.file === 'a')).toBe(true);
  });
});
