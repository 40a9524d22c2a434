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
import type { Delivery } from '../../domain/entities.js';
import {
  DeliveryError,
  type LocalFile,
  type RemoteEntry,
  type Uploader,
} from '../../delivery/ports.js';
import { AppError } from '../../shared/errors.js';
import { Progress } from './progress.js';
import { guardedSource, type GuardedSource } from './source-guard.js';
import type {
  DeliveryDeps,
  DeliveryEvent,
  DestinationOutcome,
  DestinationRequest,
  ErrorSummary,
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

export function summarize(error: unknown, file?: string): ErrorSummary {
  const app = error instanceof AppError ? error : undefined;
  const delivery = error instanceof DeliveryError ? error : undefined;
  return {
    code: app?.code ?? 'internal.unexpected',
    message: error instanceof Error ? error.message : String(error),
    retryable: app?.retryable ?? false,
    ...(delivery === undefined ? {} : { step: delivery.step }),
    ...(file === undefined ? {} : { file }),
    ...(delivery?.serverReply === undefined ? {} : { serverReply: delivery.serverReply }),
  };
}

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
  private attempts = 1;
  private delivery: Delivery | undefined;
  private readonly progress: Progress;
  private readonly remoteRoot: string;
  private readonly useTemp: boolean;

  constructor(private readonly settings: RunSettings) {
    const total = settings.plan.reduce((sum, file) => sum + file.size, 0);
    this.progress = new Progress(total, settings.deps.clock);
    const target = settings.destination.target;
    this.remoteRoot = posix.join(target.remotePath, settings.releaseName);
    this.useTemp = target.protocol === 'sftp' || target.protocol === 'local';
  }

  async run(): Promise<DestinationOutcome> {
    this.delivery = await this.settings.deps.deliveries.create(this.newRow());
    const destinationId = this.settings.destination.destinationId;
    this.emit({
      type: 'started',
      destinationId,
      deliveryId: this.delivery.id,
      files: this.settings.plan.length,
      bytesTotal: this.progress.bytesTotal,
    });
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
        summarize(status === 'cancelled' ? this.cancelled(cause) : cause, file),
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
    const summary = summarize(error, file.path);
    this.emit({
      type: 'retry',
      destinationId: this.settings.destination.destinationId,
      file: file.path,
      attempt,
      delayMs,
      error: summary,
    });
    this.progress.reset();
    this.attempts += 1;
    await this.record({
      attempts: this.attempts,
      errorCode: summary.code,
      errorMessage: summary.message,
    });
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
      this.progress.skip(file.size);
      this.emitFile(file, 'skipped', file.size);
      return 'skipped';
    }
    const partial = this.useTemp
      ? posix.join(posix.dirname(final), `.${posix.basename(final)}.sp-part`)
      : final;
    const offset = await this.resumeOffset(
      uploader,
      file,
      partial,
      this.useTemp ? undefined : existing,
    );
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
    this.progress.finish(file.size);
    await this.record({ bytesSent: this.progress.snapshot(0).bytesDone });
    this.emitFile(file, 'done', file.size);
    return offset > 0 ? 'resumed' : 'uploaded';
  }

  /** Where a previous attempt stopped: a shorter remote copy is a prefix to keep. */
  private async resumeOffset(
    uploader: Uploader,
    file: LocalFile,
    path: string,
    known: RemoteEntry | undefined,
  ): Promise<number> {
    if (this.restart.delete(file.path)) {
      await uploader.remove(path);
      return 0;
    }
    const entry = known ?? (await uploader.stat(path));
    return entry?.kind === 'file' && entry.size < file.size ? entry.size : 0;
  }

  private async send(
    uploader: Uploader,
    file: LocalFile,
    path: string,
    source: GuardedSource,
    offset: number,
  ): Promise<void> {
    this.emitFile(file, offset > 0 ? 'resuming' : 'uploading', offset);
    try {
      await uploader.upload(path, source, {
        offset,
        ...(this.settings.signal === undefined ? {} : { signal: this.settings.signal }),
        onProgress: (bytes) => {
          this.progress.advance(bytes);
          this.emitProgress(file, offset, offset + bytes, false);
        },
      });
      this.emitProgress(file, offset, file.size, true);
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
    error?: ErrorSummary,
  ): Promise<DestinationOutcome> {
    const bytesSent = this.progress.snapshot(0).bytesDone;
    await this.record({
      status,
      bytesSent,
      attempts: this.attempts,
      errorCode: error?.code ?? null,
      errorMessage: error === undefined ? null : this.describe(error),
      completedAt: this.settings.deps.clock.now(),
    }).catch(() => undefined);
    const destinationId = this.settings.destination.destinationId;
    this.emit({
      type: 'finished',
      destinationId,
      status,
      ...(error === undefined ? {} : { error }),
    });
    return {
      destinationId,
      deliveryId: this.delivery?.id ?? '',
      status,
      ...this.result,
      bytesSent,
      attempts: this.attempts,
      ...(error === undefined ? {} : { error: { ...error, message: this.describe(error) } }),
    };
  }

  /** "grp.r03: failed at upload — 553 Could not create file." */
  private describe(error: ErrorSummary): string {
    const where = error.file === undefined ? '' : `${error.file}: `;
    const step = error.step === undefined ? '' : `failed at ${error.step} — `;
    return `${where}${step}${error.message}`;
  }

  private newRow(): Delivery {
    const now = this.settings.deps.clock.now();
    return {
      id: this.settings.deps.newId(),
      jobId: this.settings.jobId,
      releaseId: this.settings.releaseId,
      destinationId: this.settings.destination.destinationId,
      status: 'running',
      bytesSent: 0,
      bytesTotal: this.progress.bytesTotal,
      attempts: 1,
      errorCode: null,
      errorMessage: null,
      createdAt: now,
      startedAt: now,
      completedAt: null,
    };
  }

  private async record(patch: Partial<Omit<Delivery, 'id' | 'createdAt'>>): Promise<void> {
    if (this.delivery !== undefined) {
      await this.settings.deps.deliveries.update(this.delivery.id, patch);
    }
  }

  private emitFile(
    file: LocalFile,
    status: 'uploading' | 'resuming' | 'skipped' | 'done',
    offset: number,
  ): void {
    this.emit({
      type: 'file',
      destinationId: this.settings.destination.destinationId,
      file: file.path,
      status,
      offset,
      size: file.size,
    });
  }

  private emitProgress(file: LocalFile, offset: number, fileBytes: number, force: boolean): void {
    if (this.settings.onEvent === undefined || !this.progress.due(force)) {
      return;
    }
    const { bytesDone, rate, etaSeconds } = this.progress.snapshot(offset);
    this.emit({
      type: 'progress',
      destinationId: this.settings.destination.destinationId,
      file: file.path,
      fileBytes,
      fileSize: file.size,
      bytesDone,
      bytesTotal: this.progress.bytesTotal,
      rate,
      etaSeconds,
    });
  }

  private emit(event: DeliveryEvent): void {
    this.settings.onEvent?.(event);
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
