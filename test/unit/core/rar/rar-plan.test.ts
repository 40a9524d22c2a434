import { describe, expect, it } from 'vitest';
import { planRar } from '../../../../src/core/rar/rar-plan.js';

/** Per rar-format.md §3.1: marker 7 + main 13 + end 20 around one file header and its data. */
const OVERHEAD = 7 + 13 + 20;
/** File header for an ASCII name under 2 GiB: 32 fixed + name + 5 EXT_TIME. */
const headerFor = (name: string): number => 32 + name.length + 5;

describe('planRar', () => {
  it('fills every volume but the last to the byte (rar-format.md §11 prototype case)', () => {
    const plan = planRar([{ name: 'file.bin', size: 300_000 }], {
      baseName: 'set',
      volumeSize: 200_000,
    });
    const perVolume = 200_000 - OVERHEAD - headerFor('file.bin');
    expect(plan.volumes.map((volume) => volume.name)).toEqual(['set.rar', 'set.r00']);
    expect(plan.volumes.map((volume) => volume.size)).toEqual([
      200_000,
      OVERHEAD + headerFor('file.bin') + 300_000 - perVolume,
    ]);
    expect(plan.volumes[0]?.parts).toEqual([
      {
        fileIndex: 0,
        offset: 0,
        length: perVolume,
        headerOffset: 20,
        headerSize: headerFor('file.bin'),
        splitBefore: false,
        splitAfter: true,
      },
    ]);
    expect(plan.volumes[1]?.parts[0]).toMatchObject({
      offset: perVolume,
      splitBefore: true,
      splitAfter: false,
    });
    expect(plan.multiVolume).toBe(true);
  });

  it('reproduces the per-volume data of real scene sets', () => {
    // house.713.hdtv-lol: 15,000,000-byte volumes with a 64-byte header carry 14,999,896 bytes.
    const name = 'house.713.hdtv-lol.avi'; // 22 chars + 32 + 5 = 59 (no EXT_TIME there: 64 with it)
    const plan = planRar([{ name: `${name}xxxxx`, size: 100_000_000 }], {
      baseName: 'house',
      volumeSize: 15_000_000,
    });
    expect(plan.volumes[0]?.parts[0]?.length).toBe(15_000_000 - 40 - 64);
    expect(plan.volumes[0]?.parts[0]?.length).toBe(14_999_896);
  });

  it('makes no empty volume when the data is an exact multiple', () => {
    const perVolume = 10_000 - OVERHEAD - headerFor('f');
    const plan = planRar([{ name: 'f', size: perVolume * 3 }], {
      baseName: 's',
      volumeSize: 10_000,
    });
    expect(plan.volumes.map((volume) => volume.size)).toEqual([10_000, 10_000, 10_000]);
  });

  it('writes a single small file as a plain archive with a 7-byte end block', () => {
    const plan = planRar([{ name: 'f', size: 10 }], { baseName: 's', volumeSize: 10_000 });
    expect(plan.multiVolume).toBe(false);
    expect(plan.volumes).toHaveLength(1);
    expect(plan.volumes[0]?.size).toBe(7 + 13 + headerFor('f') + 10 + 7);
  });

  it('plans an empty file', () => {
    const plan = planRar([{ name: 'f', size: 0 }], { baseName: 's', volumeSize: 10_000 });
    expect(plan.volumes[0]?.parts).toEqual([
      expect.objectContaining({ length: 0, splitBefore: false, splitAfter: false }),
    ]);
  });

  it('starts the next file in the same volume when its header and a byte fit', () => {
    const plan = planRar(
      [
        { name: 'a', size: 1000 },
        { name: 'b', size: 5000 },
      ],
      { baseName: 's', volumeSize: 4000 },
    );
    const first = plan.volumes[0];
    expect(first?.size).toBe(4000);
    expect(first?.parts.map((part) => [part.fileIndex, part.length])).toEqual([
      [0, 1000],
      [1, 4000 - OVERHEAD - headerFor('a') - 1000 - headerFor('b')],
    ]);
    expect(first?.parts[1]?.headerOffset).toBe(20 + headerFor('a') + 1000);
    const total = plan.volumes
      .flatMap((volume) => volume.parts)
      .reduce((sum, part) => sum + part.length, 0);
    expect(total).toBe(6000);
  });

  it('closes a volume early when the next header cannot fit, and says so', () => {
    const room = 4000 - OVERHEAD;
    const firstSize = room - headerFor('a') - 10; // 10 bytes left: less than b's header
    const plan = planRar(
      [
        { name: 'a', size: firstSize },
        { name: 'b', size: 100 },
      ],
      { baseName: 's', volumeSize: 4000 },
    );
    expect(plan.volumes.map((volume) => volume.size)).toEqual([
      4000 - 10,
      OVERHEAD + headerFor('b') + 100,
    ]);
    expect(plan.volumes.map((volume) => volume.full)).toEqual([false, false]);
    expect(plan.shortVolumes).toEqual([0]);
  });

  it('uses the LARGE header size for files over 2 GiB', () => {
    const plan = planRar([{ name: 'big', size: 5 * 2 ** 30 }], {
      baseName: 'b',
      volumeSize: 1_000_000_000,
    });
    expect(plan.volumes[0]?.parts[0]?.headerSize).toBe(32 + 8 + 3 + 5);
    expect(plan.volumes).toHaveLength(6);
  });

  it('keeps every invariant for random files and volume sizes', () => {
    for (let round = 0; round < 300; round += 1) {
      const files = Array.from({ length: 1 + Math.floor(Math.random() * 4) }, (_, index) => ({
        name: `file-${index}.bin`,
        size: Math.floor(Math.random() * 20_000),
      }));
      const volumeSize = 400 + Math.floor(Math.random() * 5000);
      const plan = planRar(files, { baseName: 'p', volumeSize });
      const parts = plan.volumes.flatMap((volume) => volume.parts);
      files.forEach((file, index) => {
        const own = parts.filter((part) => part.fileIndex === index);
        expect(own.reduce((sum, part) => sum + part.length, 0)).toBe(file.size);
        own.forEach((part, partIndex) => {
          expect(part.splitBefore).toBe(partIndex > 0);
          expect(part.splitAfter).toBe(partIndex < own.length - 1);
        });
      });
      plan.volumes.forEach((volume, index) => {
        const last = index === plan.volumes.length - 1;
        expect(volume.size).toBeLessThanOrEqual(volumeSize);
        expect(volume.size === volumeSize || last || plan.shortVolumes.includes(index)).toBe(true);
        const content = volume.parts.reduce((sum, part) => sum + part.headerSize + part.length, 0);
        expect(volume.size).toBe(20 + content + (plan.multiVolume ? 20 : 7));
      });
    }
  });

  it('refuses a volume too small for a header and one byte', () => {
    expect(() => planRar([{ name: 'f', size: 10 }], { baseName: 's', volumeSize: 78 })).toThrow(
      expect.objectContaining({ code: 'validation.failed' }),
    );
    expect(() =>
      planRar([{ name: 'f', size: 10 }], { baseName: 's', volumeSize: 79 }),
    ).not.toThrow();
  });

  it('refuses more volumes than old-style names allow', () => {
    expect(() =>
      planRar([{ name: 'f', size: 1_000_000 }], { baseName: 's', volumeSize: 1000 }),
    ).toThrow(expect.objectContaining({ code: 'release.too_many_volumes' }));
  });

  it('refuses bad file lists', () => {
    const options = { baseName: 's', volumeSize: 10_000 };
    for (const files of [
      [],
      [{ name: '', size: 1 }],
      [{ name: 'a', size: -1 }],
      [{ name: 'a', size: 1.5 }],
      [
        { name: 'a', size: 1 },
        { name: 'a', size: 2 },
      ],
      [{ name: 'a\0b', size: 1 }],
    ]) {
      expect(() => planRar(files, options)).toThrow(
        expect.objectContaining({ code: 'validation.failed' }),
      );
    }
  });
});
