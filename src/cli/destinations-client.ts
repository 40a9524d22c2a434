/**
 * The destination operations of `scenepacker destinations`, on the local database or, in remote
 * mode, through the server's API — the same answers either way. Destinations are named by name or id.
 */
import type { Command } from 'commander';
import type { DestinationInput, DestinationView } from '../services/destinations.service.js';
import type { DestinationTestResult } from '../services/delivery/index.js';
import { AppError } from '../shared/errors.js';
import type { Kit } from './command-kit.js';
import { BOOTSTRAP_ACTOR_ID } from './context.js';
import { createRemoteApi, type RemoteApi } from './remote-api.js';

export interface DestinationsClient {
  /** Where the answers come from: "local database" or the server's URL. */
  readonly where: string;
  list(): Promise<DestinationView[]>;
  add(input: DestinationInput): Promise<DestinationView>;
  test(nameOrId: string): Promise<DestinationTestResult>;
  remove(nameOrId: string): Promise<DestinationView>;
}

const PAGE = { limit: 500, offset: 0 };

function pick(items: DestinationView[], nameOrId: string): DestinationView {
  const found = items.find((item) => item.id === nameOrId || item.name === nameOrId);
  if (found === undefined) {
    throw new AppError('resource.not_found', `No destination named "${nameOrId}"`);
  }
  return found;
}

async function localClient(kit: Kit, command: Command): Promise<DestinationsClient> {
  const { services, caller } = await kit.local(command);
  if (caller.actor.id === BOOTSTRAP_ACTOR_ID) {
    // Destinations belong to an account; before the first one exists there is no owner.
    throw new AppError(
      'resource.not_found',
      'No user account yet: create one with `scenepacker user create <name> --role admin`',
    );
  }
  const list = async () =>
    (await services.destinations.list(caller, { userId: caller.actor.id }, PAGE)).items;
  return {
    where: 'local database',
    list,
    add: (input) => services.destinations.create(caller, input),
    test: async (nameOrId) =>
      services.releaseDelivery.test(caller, pick(await list(), nameOrId).id),
    async remove(nameOrId) {
      const target = pick(await list(), nameOrId);
      await services.destinations.delete(caller, target.id);
      return target;
    },
  };
}

function remoteClient(api: RemoteApi, url: string): DestinationsClient {
  const list = async () =>
    (await api.get<{ items: DestinationView[] }>(`/api/destinations?limit=${PAGE.limit}`)).items;
  const path = (id: string) => `/api/destinations/${encodeURIComponent(id)}`;
  return {
    where: url,
    list,
    add: (input) => api.post<DestinationView>('/api/destinations', input),
    test: async (nameOrId) =>
      api.post<DestinationTestResult>(`${path(pick(await list(), nameOrId).id)}/test`),
    async remove(nameOrId) {
      const target = pick(await list(), nameOrId);
      await api.delete(path(target.id));
      return target;
    },
  };
}

/** Remote mode when SCENEPACKER_API_URL and SCENEPACKER_API_TOKEN are set, else local. */
export async function destinationsClient(kit: Kit, command: Command): Promise<DestinationsClient> {
  const remote = kit.env.remote;
  return remote === undefined
    ? localClient(kit, command)
    : remoteClient(createRemoteApi(remote), remote.url);
}
