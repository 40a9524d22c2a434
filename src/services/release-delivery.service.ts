/**
 * Delivery of a release folder to stored destinations, for the API, the jobs and the CLI: opens
 * each destination (owner or admin; secrets decrypted here and nowhere else), turns it into a
 * delivery target and hands everything to the delivery use case, which records every attempt.
 */
import type { DeliveryRepository } from '../db/ports.js';
import type { DeliveryTarget, LocalFileReader, UploaderFactory } from '../delivery/ports.js';
import {
  deliverRelease,
  testDestination,
  type DeliveryEvent,
  type DestinationOutcome,
  type DestinationTestResult,
} from './delivery/index.js';
import { MemoryDeliveryLog, type AdHocTarget } from './adhoc-delivery.js';
import type { Caller, Runtime } from './context.js';
import type { DestinationsService, OpenedDestination } from './destinations.service.js';

export interface ReleaseDeliveryDeps {
  runtime: Runtime;
  destinations: DestinationsService;
  deliveries: DeliveryRepository;
  uploaders: UploaderFactory;
  files: LocalFileReader;
  retryDelaysMs?: readonly number[];
}

export interface DeliverOptions {
  releaseDir: string;
  destinationIds: readonly string[];
  jobId?: string | null;
  releaseId?: string | null;
  signal?: AbortSignal;
  onEvent?: (event: DeliveryEvent) => void;
}

/** The settings an uploader needs, from a stored destination with its secrets opened. */
function toDeliveryTarget(destination: OpenedDestination): DeliveryTarget {
  return {
    protocol: destination.protocol,
    host: destination.host,
    port: destination.port,
    username: destination.username,
    password: destination.password ?? undefined,
    privateKey: destination.privateKey ?? undefined,
    passphrase: destination.passphrase ?? undefined,
    hostKeyFingerprint: destination.hostKeyFingerprint ?? undefined,
    tlsFingerprint: destination.tlsFingerprint ?? undefined,
    remotePath: destination.remotePath,
    timeoutMs: destination.timeoutMs,
  };
}

export class ReleaseDeliveryService {
  constructor(private readonly deps: ReleaseDeliveryDeps) {}

  /** Delivers to every destination in parallel; one failing never stops the others. */
  async deliver(caller: Caller, options: DeliverOptions): Promise<DestinationOutcome[]> {
    const destinations = await Promise.all(
      options.destinationIds.map((id) => this.deps.destinations.open(caller, id)),
    );
    return deliverRelease(this.deliveryDeps(), {
      releaseDir: options.releaseDir,
      destinations: destinations.map((destination) => ({
        destinationId: destination.id,
        target: toDeliveryTarget(destination),
      })),
      jobId: options.jobId ?? null,
      releaseId: options.releaseId ?? null,
      signal: options.signal,
      onEvent: options.onEvent,
    });
  }

  /**
   * Stored destinations (by id) and ad-hoc ones (parsed URLs) in one parallel run. Stored ones
   * are recorded in the database; ad-hoc ones only in memory for this run.
   */
  async deliverMixed(
    caller: Caller,
    options: DeliverOptions & { adHoc: readonly AdHocTarget[] },
  ): Promise<DestinationOutcome[]> {
    const adHocRun = (): Promise<DestinationOutcome[]> =>
      deliverRelease(
        { ...this.deliveryDeps(), deliveries: new MemoryDeliveryLog() },
        {
          releaseDir: options.releaseDir,
          destinations: options.adHoc.map((entry) => ({
            destinationId: entry.id,
            target: entry.target,
          })),
          signal: options.signal,
          onEvent: options.onEvent,
        },
      );
    const [stored, adHoc] = await Promise.all([
      options.destinationIds.length === 0 ? [] : this.deliver(caller, options),
      options.adHoc.length === 0 ? [] : adHocRun(),
    ]);
    return [...stored, ...adHoc];
  }

  private deliveryDeps() {
    return {
      uploaders: this.deps.uploaders,
      files: this.deps.files,
      clock: this.deps.runtime.clock,
      deliveries: this.deps.deliveries,
      newId: this.deps.runtime.newId,
      retryDelaysMs: this.deps.retryDelaysMs,
    };
  }

  /** A fresh connection, login, folder check and probe file — the destination test. */
  async test(caller: Caller, destinationId: string): Promise<DestinationTestResult> {
    const destination = await this.deps.destinations.open(caller, destinationId);
    return testDestination(this.deps.uploaders, toDeliveryTarget(destination));
  }
}
