/**
 * One release to one destination: files in Scene order over one connection, each file retried
 * on its own (1 s, 2 s, 4 s by default) with a fresh connection, resumed where the server's copy
 * stops, verified, and every attempt written to the `deliveries` row.
 *
 * FTP destinations get each file under its final name: site zipscripts check a file when its
 * STOR ends and refuse names the SFV does not list, so a temporary name would be rejected or its
 * rename would bypass the CRC check. A partial file there is shorter than the local one (never
 * "complete" by size) and the zipscript marks it bad until the resumed upload completes it. SFTP
 * and local folders have no zipscript: files go to a hidden `.<name>.sp-part` and are renamed
 * once verified, so nothing looks complete before it is.
 */
import { join, posix } from 'node:path';
import {
  DeliveryError,
  type LocalFile,
  type RemoteEntry,
  type Uploader,
} from '../../delivery/ports.js';
import { AppError } from '../../shared/errors.js';
import { RunLog, summarize } from './run-log.js';
import { guardedSource, type GuardedSource } from './source-guard.js';
import type {
  DeliveryDeps,
  DeliveryEvent,
  DestinationOutcome,
  DestinationRequest,
} from './types.js';
import { validateTarget } from './validate-target.js';

export interface RunSettings {
  deps: DeliveryDeps & { newId: () => string; retryDelaysMs: readonly number[] };
  destination: DestinationRequest;
  releaseDir: string;
  releaseName: string;
  plan: readonly LocalFile[];
  jobId: string | null;
  releaseId: string | null;
  signal: AbortSignal | undefined;
  onEvent: ((event: DeliveryEvent) => void) | undefined;
}

type FileResult = 'uploaded' | 'resumed' | 'skipped';

function isCancel(error: unknown, signal: AbortSignal | undefined): boolean {
  return (
    (error instanceof AppError && error.code === 'delivery.cancelled') || signal?.aborted === true
  );
}

export class DestinationRun {
  private uploader: Uploader | undefined;
  /** Whether the server can checksum files (then local CRCs are worth computing). */
  private checksums = false;
  private readonly folders = new Set<string>();
  private readonly restart = new Set<string>();
  private readonly result = {
    uploaded: [] as string[],
    skipped: [] as string[],
    resumed: [] as string[],
  };
  private readonly log: RunLog;
  private readonly remoteRoot: string;
  private readonly useTemp: boolean;

  constructor(private readonly settings: RunSettings) {
    this.log = new RunLog({ ...settings, destinationId: settings.destination.destinationId });
    const target = settings.destination.target;
    this.remoteRoot = posix.join(target.remotePath, settings.releaseName);
    this.useTemp = target.protocol === 'sftp' || target.protocol === 'local';
  }

  async run(): Promise<DestinationOutcome> {
    await this.log.start();
    try {
      this.refuseBadTarget();
      for (const file of this.settings.plan) {
        await this.deliverFile(file);
      }
      return await this.finish('completed');
    } catch (error) {
      const file = error instanceof FileFailure ? error.file : undefined;
      const cause = error instanceof FileFailure ? error.cause : error;
      const status = isCancel(cause, this.settings.signal) ? 'cancelled' : 'failed';
      return await this.finish(
        status,
        status === 'cancelled' ? this.cancelled(cause) : cause,
        file,
      );
    } finally {
      await this.drop();
    }
  }

  private refuseBadTarget(): void {
    const issues = validateTarget(this.settings.destination.target);
    if (issues.length > 0) {
      const fields = issues.map((issue) => `${issue.path} ${issue.message}`).join('; ');
      throw new AppError('validation.failed', `The destination settings are not valid: ${fields}`, {
        details: { issues },
      });
    }
  }

  private async deliverFile(file: LocalFile): Promise<void> {
    const delays = this.settings.deps.retryDelaysMs;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const outcome = await this.attemptFile(file);
        this.result[outcome].push(file.path);
        return;
      } catch (error) {
        const delayMs = delays[attempt - 1];
        if (
          !(error instanceof AppError) ||
          !error.retryable ||
          delayMs === undefined ||
          this.settings.signal?.aborted === true
        ) {
          throw new FileFailure(file.path, error);
        }
        await this.retryLater(file, attempt, delayMs, error);
      }
    }
  }

  private async retryLater(
    file: LocalFile,
    attempt: number,
    delayMs: number,
    error: AppError,
  ): Promise<void> {
    await this.log.retrying(file, attempt, delayMs, error);
    await this.drop();
    try {
      await this.settings.deps.clock.sleep(delayMs, this.settings.signal);
    } catch (cause) {
      throw new FileFailure(file.path, this.cancelled(cause));
    }
  }

  private async attemptFile(file: LocalFile): Promise<FileResult> {
    const uploader = await this.connection();
    await this.ensureFolders(uploader, file);
    const final = posix.join(this.remoteRoot, file.path);
    const existing = await uploader.stat(final);
    if (existing?.kind === 'file' && existing.size === file.size && !this.restart.has(file.path)) {
      this.log.skipped(file);
      return 'skipped';
    }
    const partial = this.useTemp
      ? posix.join(posix.dirname(final), `.${posix.basename(final)}.sp-part`)
      : final;
    // The final name was just looked at; only a hidden partial copy needs its own look.
    const copy = partial === final ? existing : await uploader.stat(partial);
    const offset = await this.resumeOffset(uploader, file, partial, copy);
    const source = guardedSource(
      this.settings.deps.files,
      join(this.settings.releaseDir, file.path),
      file,
      this.checksums,
    );
    await this.send(uploader, file, partial, source, offset);
    if (partial !== final) {
      await uploader.rename(partial, final);
    }
    await this.log.done(file);
    return offset > 0 ? 'resumed' : 'uploaded';
  }

  /** Where a previous attempt stopped: a shorter remote copy is a prefix to keep. */
  private async resumeOffset(
    uploader: Uploader,
    file: LocalFile,
    path: string,
    copy: RemoteEntry | undefined,
  ): Promise<number> {
    if (this.restart.delete(file.path)) {
      await uploader.remove(path);
      return 0;
    }
    return copy?.kind === 'file' && copy.size < file.size ? copy.size : 0;
  }

  private async send(
    uploader: Uploader,
    file: LocalFile,
    path: string,
    source: GuardedSource,
    offset: number,
  ): Promise<void> {
    this.log.sending(file, offset);
    try {
      await uploader.upload(path, source, {
        offset,
        ...(this.settings.signal === undefined ? {} : { signal: this.settings.signal }),
        onProgress: (bytes) => {
          this.log.progressed(file, offset, bytes);
        },
      });
      this.log.progressed(file, offset, file.size - offset, true);
      await uploader.verify(path, { size: file.size, crc32: () => source.crc32() });
    } catch (error) {
      await this.cleanUpAfter(error, uploader, file, path);
      throw error;
    }
  }

  /** A changed source or a wrong copy must not stay on the server looking like the file. */
  private async cleanUpAfter(
    error: unknown,
    uploader: Uploader,
    file: LocalFile,
    path: string,
  ): Promise<void> {
    if (!(error instanceof AppError)) {
      return;
    }
    if (error.code === 'delivery.verify_failed') {
      this.restart.add(file.path);
    }
    if (error.code === 'delivery.source_changed' || error.code === 'delivery.verify_failed') {
      await uploader.remove(path).catch(() => undefined);
    }
  }

  private async connection(): Promise<Uploader> {
    if (this.uploader !== undefined) {
      return this.uploader;
    }
    const uploader = this.settings.deps.uploaders(this.settings.destination.target);
    try {
      const info = await uploader.connect(this.settings.signal);
      this.checksums = info.checksums.length > 0;
    } catch (error) {
      await uploader.close();
      throw error;
    }
    this.uploader = uploader;
    return uploader;
  }

  private async ensureFolders(uploader: Uploader, file: LocalFile): Promise<void> {
    const needed = [this.remoteRoot];
    for (let dir = posix.dirname(file.path); dir !== '.'; dir = posix.dirname(dir)) {
      needed.splice(1, 0, posix.join(this.remoteRoot, dir));
    }
    for (const folder of needed.filter((path) => !this.folders.has(path))) {
      await uploader.ensureDir(folder);
      this.folders.add(folder);
    }
  }

  private async drop(): Promise<void> {
    const uploader = this.uploader;
    this.uploader = undefined;
    await uploader?.close();
  }

  private cancelled(cause: unknown): AppError {
    return cause instanceof AppError && cause.code === 'delivery.cancelled'
      ? cause
      : new DeliveryError('delivery.cancelled', 'The delivery was cancelled', {
          step: 'upload',
          retryable: false,
          cause,
        });
  }

  private async finish(
    status: DestinationOutcome['status'],
    error?: unknown,
    file?: string,
  ): Promise<DestinationOutcome> {
    const logged = await this.log.finish(
      status,
      error === undefined ? undefined : summarize(error, file),
    );
    return {
      destinationId: this.settings.destination.destinationId,
      status,
      ...this.result,
      ...logged,
    };
  }
}

/** Carries the file a failure belongs to up to the run. */
class FileFailure extends Error {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}
