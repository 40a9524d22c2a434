/**
 * The small archives pinned byte for byte under test/fixtures/rar/<case>/. The unit tests compare
 * the writer with them; the integration tests have lsar, unar, bsdtar and rarfile read them.
 */
import { patternBytes } from './support.js';

export interface GoldenFile {
  name: string;
  data: Buffer;
  mtime: Date;
}

export interface GoldenCase {
  id: string;
  baseName: string;
  volumeSize: number;
  files: GoldenFile[];
}

const mtime = new Date('2024-03-15T13:45:31.250Z');

export const GOLDEN_CASES: GoldenCase[] = [
  {
    id: 'single',
    baseName: 'grp-single',
    volumeSize: 1_000_000,
    files: [{ name: 'hello.txt', data: Buffer.from('Hello, scene!\r\n', 'latin1'), mtime }],
  },
  {
    id: 'multi',
    baseName: 'grp-show.s01e01',
    volumeSize: 1000,
    files: [{ name: 'show.s01e01.mkv', data: patternBytes(2500, 7), mtime }],
  },
  {
    id: 'unicode',
    baseName: 'grp-unicode',
    volumeSize: 400,
    files: [{ name: 'Ærø – 日本語 😀.txt', data: patternBytes(600, 3), mtime }],
  },
  {
    id: 'two-files',
    baseName: 'grp-book',
    volumeSize: 1000,
    files: [
      { name: 'book.epub', data: patternBytes(700, 11), mtime },
      {
        name: 'extras/bonus.zip',
        data: patternBytes(900, 12),
        mtime: new Date('2023-01-02T03:04:06Z'),
      },
    ],
  },
];

export const FIXTURE_DIR = new URL('../../../fixtures/rar/', import.meta.url);
