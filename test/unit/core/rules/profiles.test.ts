import { describe, expect, it } from 'vitest';
import {
  defaultProfileFor,
  getProfile,
  listProfiles,
  profileSchema,
} from '../../../../src/core/rules/index.js';
import { isAppError } from '../../../../src/shared/errors.js';

describe('ruleset profiles', () => {
  it('lists the four profiles, each valid against the schema', () => {
    const ids = listProfiles().map((p) => p.id);
    expect(ids).toEqual(['ebook-2022', 'tv-web-2020', 'tv-720p-hdtv-2016', 'tv-sd-2016']);
    for (const profile of listProfiles()) {
      expect(() => profileSchema.parse(profile)).not.toThrow();
      expect(profile.version).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it('answers the default profile of each release type', () => {
    expect(defaultProfileFor('EBOOK').id).toBe('ebook-2022');
    expect(defaultProfileFor('DOCS').id).toBe('ebook-2022');
    expect(defaultProfileFor('TV').id).toBe('tv-web-2020');
  });

  it('refuses an unknown profile id with resource.not_found', () => {
    try {
      getProfile('tv-2099');
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('resource.not_found');
    }
  });

  it('keeps eBOOK packaging as ZIP+DIZ disks with an inner RAR and no SFV or sample', () => {
    const ebook = getProfile('ebook-2022');
    expect(ebook.family).toBe('ebook');
    expect(ebook.archive.layout).toBe('zip-diz');
    expect(ebook.archive.sfv).toBe('forbidden');
    expect(ebook.archive.maxVolumes).toBe(99);
    expect(ebook.archive.volumeSizes.fixed).toEqual([
      5_000_000, 10_000_000, 50_000_000, 100_000_000, 150_000_000, 200_000_000, 250_000_000,
    ]);
    expect(ebook.archive.rar.maxNameLength).toBe(140);
    expect(ebook.archive.volumeSizes.stepUpMinVolumes).toBeNull();
    expect(ebook.naming.maxLength).toBe(243);
    expect(ebook.sample).toBeNull();
    expect(ebook.diz).toMatchObject({ maxWidth: 44, maxLines: 30 });
    expect(ebook.nfo).toMatchObject({ maxWidth: 80, encoding: 'cp437' });
    expect(ebook.files.names.dos83).toContain('zip');
  });

  it('keeps TV packaging as RAR + SFV + NFO + Sample with 101 volumes at most', () => {
    for (const id of ['tv-web-2020', 'tv-720p-hdtv-2016', 'tv-sd-2016']) {
      const tv = getProfile(id);
      expect(tv.family).toBe('tv');
      expect(tv.archive.layout).toBe('rar-sfv');
      expect(tv.archive.sfv).toBe('required-one');
      expect(tv.archive.maxVolumes).toBe(101);
      expect(tv.archive.volumeSizes.multipleOf).toBe(50_000_000);
      expect(tv.archive.volumeSizes.stepUpMinVolumes).toBe(10);
      expect(tv.sample).toMatchObject({ count: 1, minSeconds: 50, maxSeconds: 70, dir: 'Sample' });
      expect(tv.diz).toBeNull();
      expect(tv.files.names).toMatchObject({ lowercase: true, groupTag: 'required' });
    }
    expect(getProfile('tv-sd-2016').archive.volumeSizes.fixed).toEqual([15_000_000, 20_000_000]);
    expect(getProfile('tv-web-2020').archive.volumeSizes.fixed).toEqual([15_000_000, 20_000_000]);
    expect(getProfile('tv-720p-hdtv-2016').archive.volumeSizes.fixed).toEqual([]);
  });

  it('records every unconfirmed setting as an assumption naming an existing setting', () => {
    for (const profile of listProfiles()) {
      expect(profile.assumptions.length).toBeGreaterThan(0);
      for (const assumption of profile.assumptions) {
        expect(readPath(profile, assumption.setting)).not.toBeUndefined();
      }
    }
  });

  it('carries the READNFO exclusion and the stackable REAL in every TV profile', () => {
    for (const profile of listProfiles()) {
      if (profile.family !== 'tv') {
        continue;
      }
      expect(profile.naming.tagRules.exclusive).toContainEqual({
        tag: 'READNFO',
        notWith: ['PROPER', 'REPACK', 'RERIP'],
      });
      expect(profile.naming.tagRules.stackable).toEqual(['REAL']);
      expect(profile.naming.tags).toContain('READNFO');
    }
  });

  it('returns frozen data so callers cannot change a profile for everybody', () => {
    const profile = getProfile('ebook-2022');
    expect(Object.isFrozen(profile)).toBe(true);
    expect(Object.isFrozen(profile.archive.volumeSizes.fixed)).toBe(true);
  });
});

function readPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
