/**
 * The conformance checker's vocabulary. It reads a release through a small port (a listing and
 * a way to open files) so it runs on any release: one being staged by the packer, one on disk,
 * one made by another tool. Everything it finds is an expected answer: a list of findings.
 */
import type { Readable } from 'node:stream';
import type { RulesetProfile } from '../rules/index.js';

export type FindingLevel = 'error' | 'warning';

export interface Finding {
  level: FindingLevel;
  /** Stable id: `name.*`, `files.*`, `zip.*`, `rar.*`, `volumes.*`, `sfv.*`, `nfo.*`, `diz.*`, `sample.*`, `payload.*`. */
  rule: string;
  /** A plain sentence for people. */
  message: string;
  /** Release-relative path the finding is about, when there is one. */
  file?: string;
}

export interface ReleaseEntry {
  /** Release-relative path, `/` separators. */
  path: string;
  kind: 'file' | 'directory';
  size: number;
}

export interface ReleaseSource {
  /** The release directory's name: the release name. */
  name: string;
  entries: readonly ReleaseEntry[];
  /** The bytes [start, end) of a file, or all of it. */
  open(path: string, range?: { start: number; end: number }): Readable;
}

export interface CheckProgress {
  bytesDone: number;
  bytesTotal: number;
  file: string;
}

/** What a packer knows of the RAR set it has just written (names, sizes, CRC-32 of each volume). */
export interface KnownArchive {
  volumes: readonly { name: string; size: number; crc32: number }[];
  files: readonly { name: string; size: number; crc32: number }[];
}

export interface CheckOptions {
  /** The profile to check against; detected from the name and the files when absent. */
  profile?: RulesetProfile;
  /** Seconds of a media file (the sample), or null when it cannot be told. */
  probeDuration?: (path: string) => Promise<number | null>;
  /** The release was packed with --no-sample: a missing sample is a warning, not an error. */
  sampleSkipped?: boolean;
  /**
   * TV: the packer's record of the volumes it just wrote; their CRCs then stand in for reading
   * the archive again (everything else is still read from the release). The report says so.
   */
  knownArchive?: KnownArchive;
  signal?: AbortSignal;
  onProgress?: (progress: CheckProgress) => void;
}

export interface CheckReport {
  release: string;
  profile: { id: string; detected: boolean };
  /** True when no finding is an error. */
  ok: boolean;
  /** `read`: every archive byte was read and its CRCs checked; `recorded`: the packer's CRCs were used. */
  archive: 'read' | 'recorded';
  errors: number;
  warnings: number;
  findings: Finding[];
}
