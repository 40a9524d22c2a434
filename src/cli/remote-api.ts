/**
 * Remote mode: the CLI talks to a running scenepacker server with a personal API token instead
 * of opening the database. Error answers keep their code, so exit statuses match local mode.
 */
import { AppError, errorCodeOr } from '../shared/errors.js';

export interface RemoteServer {
  url: string;
  token: string;
}

export interface RemoteApi {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  delete(path: string): Promise<void>;
}

async function failure(response: Response): Promise<AppError> {
  const body = (await response.json().catch(() => null)) as {
    code?: string;
    message?: string;
    details?: unknown;
  } | null;
  const code = errorCodeOr(body?.code, 'internal.unexpected');
  const message = body?.message ?? `The server answered ${response.status}`;
  return new AppError(code, message, { details: body?.details });
}

export function createRemoteApi(server: RemoteServer): RemoteApi {
  const base = server.url.replace(/\/+$/, '');
  const call = async (method: string, path: string, body?: unknown): Promise<Response> => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${server.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new AppError(
        'remote.unreachable',
        `Cannot reach ${base}: ${(error as Error).message}`,
        {
          cause: error,
          retryable: true,
        },
      );
    }
    if (!response.ok) {
      throw await failure(response);
    }
    return response;
  };
  return {
    get: async <T>(path: string) => (await (await call('GET', path)).json()) as T,
    post: async <T>(path: string, body?: unknown) =>
      (await (await call('POST', path, body ?? {})).json()) as T,
    delete: async (path: string) => {
      await call('DELETE', path);
    },
  };
}
