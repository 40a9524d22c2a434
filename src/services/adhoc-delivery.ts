/**
 * Deliveries to places given on the command line rather than stored: `ftp://user:pass@host/dir`,
 * `ftps://…` (explicit TLS), `ftps-implicit://…`, `sftp://…?fingerprint=SHA256:…` or a local
 * folder. They are not rows in the database, so their attempts are kept in memory for the run.
 */
import { randomUUID } from 'node:crypto';
import type { Delivery } from '../domain/entities.js';
import type { DeliveryRepository } from '../db/ports.js';
import type { DeliveryProtocol, DeliveryTarget } from '../delivery/ports.js';
import { validationError } from '../shared/errors.js';

const SCHEMES: Record<string, DeliveryProtocol> = {
  'ftp:': 'ftp',
  'ftps:': 'ftps',
  'ftpes:': 'ftps',
  'ftps-implicit:': 'ftps-implicit',
  'sftp:': 'sftp',
  'file:': 'local',
};
const DEFAULT_PORT: Record<DeliveryProtocol, number> = {
  ftp: 21,
  ftps: 21,
  'ftps-implicit': 990,
  sftp: 22,
  local: 0,
};

export interface AdHocTarget {
  /** A run-local id (`adhoc-<uuid>`): delivery events carry it as their destinationId. */
  id: string;
  /** Shown in progress and results: the URL without its password. */
  label: string;
  target: DeliveryTarget;
}

function invalid(message: string): Error {
  return validationError([{ path: 'to', message }], message);
}

/** Reads a destination URL; the query may give `fingerprint`, `tls-fingerprint`, `timeout` (ms). */
export function parseDestinationUrl(text: string, privateKey?: string): AdHocTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(`"${text}" is neither a destination name nor a URL`);
  }
  const protocol = SCHEMES[url.protocol];
  if (protocol === undefined) {
    throw invalid(`Unknown scheme ${url.protocol} (use ftp, ftps, ftps-implicit, sftp or file)`);
  }
  const remotePath = decodeURIComponent(url.pathname) || '/';
  if (protocol !== 'local' && (url.hostname === '' || url.username === '')) {
    throw invalid(`${text.replace(/:[^:@/]*@/, ':********@')} needs a user and a host`);
  }
  const label = `${url.protocol}//${url.username ? `${decodeURIComponent(url.username)}@` : ''}${url.host}${remotePath}`;
  const query = url.searchParams;
  const target: DeliveryTarget = {
    protocol,
    host: url.hostname,
    port: url.port === '' ? DEFAULT_PORT[protocol] : Number(url.port),
    username: decodeURIComponent(url.username),
    password: url.password === '' ? undefined : decodeURIComponent(url.password),
    privateKey,
    hostKeyFingerprint: query.get('fingerprint') ?? undefined,
    tlsFingerprint: query.get('tls-fingerprint') ?? undefined,
    remotePath,
    timeoutMs: query.has('timeout') ? Number(query.get('timeout')) : undefined,
  };
  return { id: `adhoc-${randomUUID()}`, label, target };
}

/** A DeliveryRepository that lives for one run: ad-hoc targets have no destination row. */
export class MemoryDeliveryLog implements DeliveryRepository {
  private readonly rows = new Map<string, Delivery>();

  create(delivery: Delivery): Promise<Delivery> {
    this.rows.set(delivery.id, delivery);
    return Promise.resolve(delivery);
  }

  findById(id: string): Promise<Delivery | undefined> {
    return Promise.resolve(this.rows.get(id));
  }

  update(id: string, patch: Partial<Delivery>): Promise<Delivery | undefined> {
    const current = this.rows.get(id);
    if (current === undefined) {
      return Promise.resolve(undefined);
    }
    const next = { ...current, ...patch };
    this.rows.set(id, next);
    return Promise.resolve(next);
  }

  list(filter: {
    jobId?: string;
    releaseId?: string;
    destinationId?: string;
  }): Promise<Delivery[]> {
    const rows = [...this.rows.values()].filter(
      (row) =>
        (filter.destinationId === undefined || row.destinationId === filter.destinationId) &&
        (filter.jobId === undefined || row.jobId === filter.jobId),
    );
    return Promise.resolve(rows);
  }
}
