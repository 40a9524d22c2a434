/**
 * FTP, FTPS and SFTP destinations. Owners (operators) manage their own; admins everyone's.
 * Passwords, private keys and passphrases are encrypted at rest and never leave in clear.
 */
import type { Destination } from '../domain/entities.js';
import type { DestinationProtocol, ReleaseType } from '../domain/enums.js';
import type { Database, Page, Paged } from '../db/ports.js';
import { AppError, notFound, validationError } from '../shared/errors.js';
import { assertCan, writeAudit, type Caller, type Runtime } from './context.js';
import type { SecretBox } from './secret-box.js';
import { maskSecret, nextSecret, openSecret } from './secret-fields.js';

export interface DestinationsDeps {
  db: Database;
  runtime: Runtime;
  secrets: SecretBox;
}

export interface DestinationInput {
  name: string;
  protocol: DestinationProtocol;
  host: string;
  port?: number;
  username: string;
  password?: string | null;
  privateKey?: string | null;
  passphrase?: string | null;
  hostKeyFingerprint?: string | null;
  tlsFingerprint?: string | null;
  remotePath?: string;
  passive?: boolean;
  timeoutMs?: number | null;
  groupName?: string | null;
  releaseType?: ReleaseType | null;
  enabled?: boolean;
}

export interface DestinationView extends Omit<
  Destination,
  'passwordEnc' | 'privateKeyEnc' | 'passphraseEnc'
> {
  password: string | null;
  privateKey: string | null;
  passphrase: string | null;
}

/** A destination with its secrets opened, for the delivery code only. */
export interface OpenedDestination extends Destination {
  password: string | null;
  privateKey: string | null;
  passphrase: string | null;
}

const DEFAULT_PORTS: Record<DestinationProtocol, number> = {
  ftp: 21,
  ftps: 21,
  'ftps-implicit': 990,
  sftp: 22,
};
const DEFAULT_TIMEOUT_MS: Record<DestinationProtocol, number> = {
  ftp: 30_000,
  ftps: 30_000,
  'ftps-implicit': 30_000,
  sftp: 60_000,
};

function toDestinationView(row: Destination): DestinationView {
  const { passwordEnc, privateKeyEnc, passphraseEnc, ...rest } = row;
  return {
    ...rest,
    password: maskSecret(passwordEnc),
    privateKey: maskSecret(privateKeyEnc),
    passphrase: maskSecret(passphraseEnc),
  };
}

function checkRemotePath(remotePath: string): void {
  if (
    !remotePath.startsWith('/') ||
    remotePath.split('/').includes('..') ||
    remotePath.includes('\0')
  ) {
    throw validationError([
      { path: 'remotePath', message: 'Use an absolute remote path without ".." segments' },
    ]);
  }
}

export class DestinationsService {
  constructor(private readonly deps: DestinationsDeps) {}

  async list(
    caller: Caller,
    filter: { groupName?: string; userId?: string },
    page: Page,
  ): Promise<Paged<DestinationView>> {
    assertCan(caller, 'destinations.read');
    const userId = caller.actor.role === 'admin' ? filter.userId : caller.actor.id;
    const result = await this.deps.db.repos.destinations.list(
      { userId, groupName: filter.groupName },
      page,
    );
    return { items: result.items.map(toDestinationView), total: result.total };
  }

  async get(caller: Caller, id: string): Promise<DestinationView> {
    return toDestinationView(await this.load(caller, id));
  }

  async create(caller: Caller, input: DestinationInput): Promise<DestinationView> {
    assertCan(caller, 'destinations.write', { ownerId: caller.actor.id });
    const row = this.build(caller, input);
    await this.assertNameFree(row);
    return this.deps.db.transaction(async (tx) => {
      const saved = await tx.destinations.create(row);
      await writeAudit(tx, this.deps.runtime, caller, {
        action: 'destination.create',
        resourceType: 'destination',
        resourceId: saved.id,
        details: { name: saved.name, protocol: saved.protocol, host: saved.host },
      });
      return toDestinationView(saved);
    });
  }

  async update(
    caller: Caller,
    id: string,
    patch: Partial<DestinationInput>,
  ): Promise<DestinationView> {
    assertCan(caller, 'destinations.write');
    const current = await this.load(caller, id);
    assertCan(caller, 'destinations.write', { ownerId: current.userId });
    const row = this.build(caller, { ...currentInput(current), ...patch }, current);
    await this.assertNameFree(row);
    return this.deps.db.transaction(async (tx) => {
      const saved = (await tx.destinations.update(id, row)) ?? row;
      await writeAudit(tx, this.deps.runtime, caller, {
        action: 'destination.update',
        resourceType: 'destination',
        resourceId: id,
      });
      return toDestinationView(saved);
    });
  }

  async delete(caller: Caller, id: string): Promise<void> {
    assertCan(caller, 'destinations.write');
    const current = await this.load(caller, id);
    assertCan(caller, 'destinations.write', { ownerId: current.userId });
    await this.deps.db.transaction(async (tx) => {
      await tx.destinations.delete(id);
      await writeAudit(tx, this.deps.runtime, caller, {
        action: 'destination.delete',
        resourceType: 'destination',
        resourceId: id,
        details: { name: current.name },
      });
    });
  }

  /** The caller's own destination with this name (names are unique per owner). */
  async findByName(caller: Caller, name: string): Promise<DestinationView | undefined> {
    assertCan(caller, 'destinations.read');
    const row = await this.deps.db.repos.destinations.findByName(caller.actor.id, name);
    return row === undefined ? undefined : toDestinationView(row);
  }

  /** The destination with secrets in clear, for delivery; owner or admin only. */
  async open(caller: Caller, id: string): Promise<OpenedDestination> {
    assertCan(caller, 'destinations.use');
    const row = await this.load(caller, id);
    assertCan(caller, 'destinations.use', { ownerId: row.userId });
    const { secrets } = this.deps;
    return {
      ...row,
      password: openSecret(secrets, row.passwordEnc),
      privateKey: openSecret(secrets, row.privateKeyEnc),
      passphrase: openSecret(secrets, row.passphraseEnc),
    };
  }

  /** Someone else's destination answers 404, not 403: its existence is not the caller's business. */
  private async load(caller: Caller, id: string): Promise<Destination> {
    const row = await this.deps.db.repos.destinations.findById(id);
    if (!row || !(row.userId === caller.actor.id || caller.actor.role === 'admin')) {
      throw notFound('Destination');
    }
    return row;
  }

  private async assertNameFree(row: Destination): Promise<void> {
    const clash = await this.deps.db.repos.destinations.findByName(row.userId, row.name);
    if (clash && clash.id !== row.id) {
      throw new AppError(
        'resource.conflict',
        `You already have a destination named "${row.name}"`,
        { details: { field: 'name' } },
      );
    }
  }

  private build(caller: Caller, input: DestinationInput, current?: Destination): Destination {
    const { runtime, secrets } = this.deps;
    const now = runtime.clock.now();
    const protocol = input.protocol;
    const remotePath = input.remotePath ?? current?.remotePath ?? '/';
    checkRemotePath(remotePath);
    return {
      id: current?.id ?? runtime.newId(),
      userId: current?.userId ?? caller.actor.id,
      name: input.name,
      protocol,
      host: input.host,
      port: input.port ?? DEFAULT_PORTS[protocol],
      username: input.username,
      passwordEnc: nextSecret(secrets, current?.passwordEnc ?? null, input.password),
      privateKeyEnc: nextSecret(secrets, current?.privateKeyEnc ?? null, input.privateKey),
      passphraseEnc: nextSecret(secrets, current?.passphraseEnc ?? null, input.passphrase),
      hostKeyFingerprint: input.hostKeyFingerprint ?? null,
      tlsFingerprint: input.tlsFingerprint ?? null,
      remotePath,
      passive: input.passive ?? true,
      timeoutMs: input.timeoutMs ?? DEFAULT_TIMEOUT_MS[protocol],
      groupName: input.groupName ?? null,
      releaseType: input.releaseType ?? null,
      enabled: input.enabled ?? true,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
    };
  }
}

/** The stored settings as input, secrets left out so an update keeps them unless sent. */
function currentInput(row: Destination): DestinationInput {
  const { passwordEnc: _p, privateKeyEnc: _k, passphraseEnc: _s, ...rest } = row;
  return rest;
}
