/**
 * `scenepacker deliver <release-dir> --to <name|url> [--to …]`: uploads a release folder to
 * stored destinations (by name, recorded in the database) and to sites given as URLs (recorded
 * for this run only), all in parallel, in Scene order, with resume and retries. One progress bar
 * per destination on a terminal; Ctrl-C cancels. Exit 6 when a destination failed.
 */
import type { Command } from 'commander';
import { parseDestinationUrl, type AdHocTarget } from '../../services/adhoc-delivery.js';
import type { Caller } from '../../services/context.js';
import type { DestinationOutcome } from '../../services/delivery/index.js';
import type { Services } from '../../services/registry.js';
import { AppError, errorCodeOr } from '../../shared/errors.js';
import type { Kit } from '../command-kit.js';
import { createDeliveryProgress } from '../delivery-progress.js';
import { emit } from '../output.js';

interface DeliverOptions {
  to: string[];
  keyFile?: string;
}

interface Targets {
  storedIds: string[];
  adHoc: AdHocTarget[];
  /** destinationId → what the user typed (a name, or the URL without its password). */
  labels: Map<string, string>;
}

export function registerDeliverCommand(program: Command, kit: Kit): void {
  program
    .command('deliver <release-dir>')
    .description('Upload a release folder to destinations (names or ftp://, ftps://, sftp:// URLs)')
    .requiredOption('--to <destination...>', 'destination name or URL; repeat for several')
    .option('--key-file <file>', 'SFTP URLs: private key file')
    .action(async (releaseDir: string, options: DeliverOptions, command: Command) => {
      const { services, caller, output } = await kit.local(command);
      const privateKey =
        options.keyFile === undefined ? undefined : await kit.env.readFile(options.keyFile);
      const targets = await resolveTargets(services, caller, options.to, privateKey);
      const outcomes = await runDeliveries(kit, output.json, services, caller, {
        releaseDir,
        targets,
      });
      const summary = outcomes.map((outcome) => summarize(outcome, targets.labels));
      emit(output, { releaseDir, destinations: summary }, describe);
      const failed = outcomes.find((outcome) => outcome.status !== 'completed');
      if (failed !== undefined) {
        throw failure(failed, targets.labels);
      }
    });
}

async function resolveTargets(
  services: Services,
  caller: Caller,
  names: string[],
  privateKey: string | undefined,
): Promise<Targets> {
  const targets: Targets = { storedIds: [], adHoc: [], labels: new Map() };
  for (const name of names) {
    if (name.includes('://')) {
      const adHoc = parseDestinationUrl(name, privateKey);
      targets.adHoc.push(adHoc);
      targets.labels.set(adHoc.id, adHoc.label);
      continue;
    }
    const stored = await services.destinations.findByName(caller, name);
    if (stored === undefined) {
      throw new AppError('resource.not_found', `No destination named "${name}"`);
    }
    targets.storedIds.push(stored.id);
    targets.labels.set(stored.id, stored.name);
  }
  return targets;
}

async function runDeliveries(
  kit: Kit,
  json: boolean,
  services: Services,
  caller: Caller,
  run: { releaseDir: string; targets: Targets },
): Promise<DestinationOutcome[]> {
  const stream = json ? null : kit.env.progressStream();
  const progress = stream === null ? null : createDeliveryProgress(stream, run.targets.labels);
  const interrupt = kit.env.interrupts();
  try {
    return await services.releaseDelivery.deliverMixed(caller, {
      releaseDir: run.releaseDir,
      destinationIds: run.targets.storedIds,
      adHoc: run.targets.adHoc,
      signal: interrupt.signal,
      onEvent: (event) => progress?.update(event),
    });
  } finally {
    progress?.stop();
    interrupt.release();
  }
}

function summarize(outcome: DestinationOutcome, labels: Map<string, string>) {
  return {
    destination: labels.get(outcome.destinationId) ?? outcome.destinationId,
    ...outcome,
  };
}

function describe(result: {
  releaseDir: string;
  destinations: ReturnType<typeof summarize>[];
}): string {
  return result.destinations
    .map((d) => {
      const counts = `${d.uploaded.length} uploaded, ${d.resumed.length} resumed, ${d.skipped.length} already there, ${d.bytesSent.toLocaleString('en-US')} bytes sent`;
      const error = d.error === undefined ? '' : `\n  ${d.error.code}: ${d.error.message}`;
      return `${d.status.toUpperCase()} ${d.destination}: ${counts}${error}`;
    })
    .join('\n');
}

/** The first failed destination decides the exit status (6 delivery, 8 cancelled). */
function failure(outcome: DestinationOutcome, labels: Map<string, string>): AppError {
  const label = labels.get(outcome.destinationId) ?? outcome.destinationId;
  if (outcome.status === 'cancelled') {
    return new AppError('delivery.cancelled', `Delivery to ${label} was cancelled`);
  }
  const message = `Delivery to ${label} failed: ${outcome.error?.message ?? 'unknown reason'}`;
  return new AppError(errorCodeOr(outcome.error?.code, 'delivery.transfer_failed'), message);
}
