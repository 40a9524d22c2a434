/**
 * The storage room's port: the only way services touch files. A `Workspace` reads inputs and
 * releases, and builds new releases in a `Staging` directory created next to the target (same
 * file system), published by one rename once the release is complete and checked — so a reader
 * never sees half a release, and an error or a cancel leaves nothing behind.
 *
 * Paths given to a Workspace are local paths (absolute, or relative to the working directory).
 * Paths given to a Staging are release-relative with `/` separators (`Sample/x.mkv`); `..` and
 * absolute paths are refused. Every failure is an AppError with one of the codes named below.
 */
import type { Readable, Writable } from 'node:stream';

export interface PathInfo {
  kind: 'file' | 'directory' | 'other';
  size: number;
  mtime: Date;
}

/** One file or directory below a listed directory. */
export interface ListedEntry {
  /** Relative to the listed directory, `/` separators. */
  path: string;
  kind: 'file' | 'directory';
  size: number;
}

/** Bytes [start, end) of a file. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface FileEdit {
  offset: number;
  bytes: Uint8Array;
}

export interface StageOptions {
  /** Replace an existing release at publish time (`--force`). */
  overwrite: boolean;
}

export interface Workspace {
  /** What is at `path`, or null when nothing is. Rejects `release.input_unreadable` when the path cannot be looked at (permission). */
  stat(path: string): Promise<PathInfo | null>;
  /**
   * The bytes of a file, or of `range` of it, as a stream opened lazily with back-pressure. The
   * stream fails with `release.input_unreadable` (missing, a directory, no permission, I/O error).
   */
  openRead(path: string, range?: ByteRange): Readable;
  /**
   * Every file and directory below `dir`, sorted by path (symbolic links are reported as what
   * they point to). Rejects `resource.not_found` when `dir` is missing or not a directory,
   * `release.input_unreadable` when it cannot be read.
   */
  list(dir: string): Promise<ListedEntry[]>;
  /** Free bytes for an unprivileged writer on the file system holding `dir` (or its nearest existing parent); null when unknown. */
  freeBytes(dir: string): Promise<number | null>;
  /**
   * Creates a staging directory for the release `<parent>/<name>`, inside `parent` (created when
   * missing) so publishing is a rename. Rejects `release.exists` when the target exists and
   * `overwrite` is false, `validation.failed` for a name that is not a single path component,
   * `release.disk_full` when the directory cannot be created for lack of space.
   */
  stage(parent: string, name: string, options: StageOptions): Promise<Staging>;
}

/**
 * A release under construction. Writes fail with `release.disk_full` when the file system is
 * full (ENOSPC, EDQUOT) and `internal.unexpected` for other I/O errors; reads behave like
 * `Workspace.openRead`.
 */
export interface Staging {
  /** Where `publish` puts the release. */
  readonly target: string;
  /** The staging directory itself, for outside programs that write into it (ffmpeg). */
  readonly dir: string;
  /** The local path of a release-relative path inside the staging directory. */
  pathOf(relative: string): string;
  /** A new file (parent directories created) as a Writable with back-pressure; fails as above. */
  createFile(relative: string): Promise<Writable>;
  writeFile(relative: string, bytes: Uint8Array): Promise<void>;
  /** Overwrites bytes of a complete file in place (RAR headers patched after their data). */
  patch(relative: string, edits: readonly FileEdit[]): Promise<void>;
  /** Deletes a file of the staging directory; a missing one is not an error. */
  remove(relative: string): Promise<void>;
  /** Everything staged so far, like `Workspace.list`. */
  list(): Promise<ListedEntry[]>;
  openRead(relative: string, range?: ByteRange): Readable;
  /**
   * Renames the staging directory to the target. With `overwrite`, an existing target is moved
   * aside first and deleted after the rename; if the rename fails it is put back. Rejects
   * `release.exists` when a target appeared meanwhile and overwrite is off (the staging
   * directory is kept for `discard`).
   */
  publish(): Promise<string>;
  /** Deletes the staging directory and everything in it. Safe to call twice and after publish. */
  discard(): Promise<void>;
}
