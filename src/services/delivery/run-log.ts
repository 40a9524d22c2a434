/**
 * What one destination's delivery tells the world: its `deliveries` row (created at the start,
 * updated after every file and every failed attempt, closed at the end) and its events.
 */
import type { Delivery } from '../../domain/entities.js';
import { DeliveryError, type LocalFile } from '../../delivery/ports.js';
import { AppError } from '../../shared/errors.js';
import { Progress } from './progress.js';
import type { DeliveryDeps, DeliveryEvent, DestinationOutcome, ErrorSummary } from './types.js';

export interface LogSettings {
  deps: DeliveryDeps & { newId: () => string };
  destinationId: string;
  jobId: string | null;
  releaseId: string | null;
  plan: readonly LocalFile[];
  onEvent: ((event: DeliveryEvent) => void) | undefined;
}

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

/** "grp.r03: failed at upload — 553 Could not create file." */
function describe(error: ErrorSummary): string {
  const where = error.file === undefined ? '' : `${error.file}: `;
  const step = error.step === undefined ? '' : `failed at ${error.step} — `;
  return `${where}${step}${error.message}`;
}

type Patch = Partial<Omit<Delivery, 'id' | 'createdAt'>>;
type FileStatus = Extract<DeliveryEvent, { type: 'file' }>['status'];

export class RunLog {
  readonly progress: Progress;
  attempts = 1;
  private delivery: Delivery | undefined;

  constructor(private readonly settings: LogSettings) {
    const total = settings.plan.reduce((sum, file) => sum + file.size, 0);
    this.progress = new Progress(total, settings.deps.clock);
  }

  async start(): Promise<void> {
    const now = this.settings.deps.clock.now();
    this.delivery = await this.settings.deps.deliveries.create({
      id: this.settings.deps.newId(),
      jobId: this.settings.jobId,
      releaseId: this.settings.releaseId,
      destinationId: this.settings.destinationId,
      status: 'running',
      bytesSent: 0,
      bytesTotal: this.progress.bytesTotal,
      attempts: 1,
      errorCode: null,
      errorMessage: null,
      createdAt: now,
      startedAt: now,
      completedAt: null,
    });
    this.emit({
      type: 'started',
      destinationId: this.settings.destinationId,
      deliveryId: this.delivery.id,
      files: this.settings.plan.length,
      bytesTotal: this.progress.bytesTotal,
    });
  }

  /** A failed attempt that will be retried after `delayMs`. */
  async retrying(
    file: LocalFile,
    attempt: number,
    delayMs: number,
    error: AppError,
  ): Promise<void> {
    const summary = summarize(error, file.path);
    this.emit({
      type: 'retry',
      destinationId: this.settings.destinationId,
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
  }

  skipped(file: LocalFile): void {
    this.progress.skip(file.size);
    this.file(file, 'skipped', file.size);
  }

  sending(file: LocalFile, offset: number): void {
    this.file(file, offset > 0 ? 'resuming' : 'uploading', offset);
  }

  /** `written` bytes of this call are on the server; events at most every 250 ms unless `force`. */
  progressed(file: LocalFile, offset: number, written: number, force = false): void {
    this.progress.advance(written);
    if (this.settings.onEvent === undefined || !this.progress.due(force)) {
      return;
    }
    const { bytesDone, rate, etaSeconds } = this.progress.snapshot(offset);
    this.emit({
      type: 'progress',
      destinationId: this.settings.destinationId,
      file: file.path,
      fileBytes: offset + written,
      fileSize: file.size,
      bytesDone,
      bytesTotal: this.progress.bytesTotal,
      rate,
      etaSeconds,
    });
  }

  async done(file: LocalFile): Promise<void> {
    this.progress.finish(file.size);
    await this.record({ bytesSent: this.progress.snapshot(0).bytesDone });
    this.file(file, 'done', file.size);
  }

  /** Closes the row (a failure to record is not allowed to hide the outcome) and says so. */
  async finish(
    status: DestinationOutcome['status'],
    error?: ErrorSummary,
  ): Promise<Pick<DestinationOutcome, 'deliveryId' | 'bytesSent' | 'attempts' | 'error'>> {
    const bytesSent = this.progress.snapshot(0).bytesDone;
    const described = error === undefined ? undefined : { ...error, message: describe(error) };
    await this.record({
      status,
      bytesSent,
      attempts: this.attempts,
      errorCode: error?.code ?? null,
      errorMessage: described?.message ?? null,
      completedAt: this.settings.deps.clock.now(),
    }).catch(() => undefined);
    this.emit({
      type: 'finished',
      destinationId: this.settings.destinationId,
      status,
      ...(error === undefined ? {} : { error }),
    });
    return {
      deliveryId: this.delivery?.id ?? '',
      bytesSent,
      attempts: this.attempts,
      ...(described === undefined ? {} : { error: described }),
    };
  }

  private async record(patch: Patch): Promise<void> {
    if (this.delivery !== undefined) {
      await this.settings.deps.deliveries.update(this.delivery.id, patch);
    }
  }

  private file(file: LocalFile, status: FileStatus, offset: number): void {
    this.emit({
      type: 'file',
      destinationId: this.settings.destinationId,
      file: file.path,
      status,
      offset,
      size: file.size,
    });
  }

  private emit(event: DeliveryEvent): void {
    this.settings.onEvent?.(event);
  }
}
