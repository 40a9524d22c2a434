/**
 * The delivery use case's vocabulary: what it needs (ports only), what it is asked, what it tells
 * while it works and what it answers.
 */
import type { DeliveryRepository } from '../../db/ports.js';
import type {
  DeliveryStep,
  DeliveryTarget,
  LocalFileReader,
  UploaderFactory,
} from '../../delivery/ports.js';
import type { Clock } from '../../shared/clock.js';

export interface DeliveryDeps {
  uploaders: UploaderFactory;
  files: LocalFileReader;
  clock: Clock;
  deliveries: DeliveryRepository;
  newId?: () => string;
  /** Pauses between the attempts of one file; one more attempt than pauses. Default 1 s, 2 s, 4 s. */
  retryDelaysMs?: readonly number[];
}

export interface DestinationRequest {
  destinationId: string;
  /** Settings with decrypted credentials. */
  target: DeliveryTarget;
}

export interface DeliverRequest {
  /** The local release folder; its name is the remote folder's name. */
  releaseDir: string;
  destinations: readonly DestinationRequest[];
  jobId?: string | null;
  releaseId?: string | null;
  signal?: AbortSignal;
  onEvent?: (event: DeliveryEvent) => void;
}

export interface ErrorSummary {
  code: string;
  message: string;
  step?: DeliveryStep;
  /** Release-relative path of the file being delivered. */
  file?: string;
  serverReply?: string;
  retryable: boolean;
}

export type DeliveryEvent =
  | {
      type: 'started';
      destinationId: string;
      deliveryId: string;
      files: number;
      bytesTotal: number;
    }
  | {
      type: 'file';
      destinationId: string;
      file: string;
      status: 'uploading' | 'resuming' | 'skipped' | 'done';
      offset: number;
      size: number;
    }
  | {
      type: 'progress';
      destinationId: string;
      file: string;
      fileBytes: number;
      fileSize: number;
      bytesDone: number;
      bytesTotal: number;
      /** Bytes per second sent in this run (skipped and already-present bytes excluded). */
      rate: number;
      /** Seconds left at the current rate, or null before there is a rate. */
      etaSeconds: number | null;
    }
  | {
      type: 'retry';
      destinationId: string;
      file: string;
      attempt: number;
      delayMs: number;
      error: ErrorSummary;
    }
  | {
      type: 'finished';
      destinationId: string;
      status: 'completed' | 'failed' | 'cancelled';
      error?: ErrorSummary;
    };

export interface DestinationOutcome {
  destinationId: string;
  deliveryId: string;
  status: 'completed' | 'failed' | 'cancelled';
  uploaded: string[];
  skipped: string[];
  resumed: string[];
  bytesSent: number;
  attempts: number;
  error?: ErrorSummary;
}

export interface DestinationTestResult {
  success: boolean;
  message: string;
  details: Record<string, unknown>;
}
