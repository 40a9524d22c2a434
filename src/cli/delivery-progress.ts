/** One terminal progress bar per destination, on stderr, fed by the delivery events. */
import cliProgress from 'cli-progress';
import type { DeliveryEvent } from '../services/delivery/index.js';

export interface DeliveryProgress {
  update(event: DeliveryEvent): void;
  stop(): void;
}

const MB = 1_000_000;

export function createDeliveryProgress(
  stream: NodeJS.WritableStream,
  labels: ReadonlyMap<string, string>,
): DeliveryProgress {
  const width = Math.min(40, Math.max(...[...labels.values()].map((label) => label.length)));
  const multi = new cliProgress.MultiBar(
    {
      stream,
      format: `{label} [{bar}] {percentage}% | {value}/{total} MB | {rate} MB/s | ETA {eta_formatted} | {state}`,
      hideCursor: true,
      clearOnComplete: false,
      autopadding: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  const label = (id: string) => (labels.get(id) ?? id).slice(0, width).padEnd(width);
  const barFor = (id: string, totalBytes: number) => {
    let bar = bars.get(id);
    if (bar === undefined) {
      bar = multi.create(Math.max(1, Math.round(totalBytes / MB)), 0, {
        label: label(id),
        rate: '0.0',
        state: 'connecting',
      });
      bars.set(id, bar);
    }
    return bar;
  };
  return {
    update(event) {
      const bar = barFor(event.destinationId, event.type === 'started' ? event.bytesTotal : 0);
      if (event.type === 'progress') {
        bar.setTotal(Math.max(1, Math.round(event.bytesTotal / MB)));
        bar.update(Math.round(event.bytesDone / MB), {
          rate: (event.rate / MB).toFixed(1),
          state: event.file,
        });
      } else if (event.type === 'retry') {
        bar.update({ state: `retry ${event.attempt} ${event.file}: ${event.error.code}` });
      } else if (event.type === 'finished') {
        bar.update({ state: event.error ? `${event.status}: ${event.error.code}` : event.status });
      }
    },
    stop() {
      multi.stop();
    },
  };
}
