/** `release.deliver`: uploads a release folder to destinations and logs every step into the job. */
import type { JsonValue } from '../../domain/enums.js';
import type { DeliveryEvent } from '../../services/delivery/index.js';
import type { ReleaseDeliveryService } from '../../services/release-delivery.service.js';
import { AppError } from '../../shared/errors.js';
import type { JobContext } from '../catalogue-types.js';
import type { JobPayloads } from '../ports.js';

function describe(event: DeliveryEvent): string | undefined {
  switch (event.type) {
    case 'started':
      return `[${event.destinationId}] ${event.files} files, ${event.bytesTotal} bytes`;
    case 'file':
      return event.status === 'done'
        ? undefined
        : `[${event.destinationId}] ${event.status} ${event.file}`;
    case 'retry':
      return `[${event.destinationId}] ${event.file}: ${event.error.message}; attempt ${event.attempt + 1} in ${event.delayMs / 1000} s`;
    case 'finished':
      return `[${event.destinationId}] ${event.status}${event.error ? `: ${event.error.message}` : ''}`;
    case 'progress':
      return undefined;
  }
}

export async function deliverHandler(
  service: ReleaseDeliveryService,
  context: JobContext<JobPayloads['release.deliver']>,
): Promise<JsonValue> {
  const { payload } = context;
  const outcomes = await service.deliver(context.caller, {
    releaseDir: payload.releaseDir,
    destinationIds: payload.destinationIds,
    jobId: context.job.id,
    releaseId: payload.releaseId ?? null,
    signal: context.signal,
    onEvent: (event) => {
      const line = describe(event);
      if (line !== undefined) {
        void context.log(
          event.type === 'finished' && event.status === 'failed' ? 'ERROR' : 'INFO',
          line,
        );
      }
      if (event.type === 'progress' && event.bytesTotal > 0) {
        void context.progress((event.bytesDone / event.bytesTotal) * 100, event.file);
      }
    },
  });
  const failed = outcomes.filter((outcome) => outcome.status !== 'completed');
  if (failed.length > 0 && failed.length === outcomes.length) {
    const first = failed[0]?.error;
    throw new AppError(
      'delivery.transfer_failed',
      `Delivery failed for every destination${first ? `: ${first.message}` : ''}`,
      { retryable: first?.retryable ?? false },
    );
  }
  return outcomes.map((outcome) => ({
    destinationId: outcome.destinationId,
    status: outcome.status,
    bytesSent: outcome.bytesSent,
    error: outcome.error?.message ?? null,
  }));
}
