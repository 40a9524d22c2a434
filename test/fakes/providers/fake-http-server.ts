/**
 * The loopback HTTP server under every fake provider: node:http on 127.0.0.1 with a random port.
 * It records each request (so tests count calls), can be slowed down (timeout tests), and can
 * answer the next requests with scripted replies instead of the provider's routes (5xx bursts,
 * 429 with Retry-After).
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';

export interface RecordedRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is; undefined as an empty body. */
  body?: unknown;
}

export type Route = (request: RecordedRequest) => Reply;

interface Scripted {
  reply: Reply;
  /** Only requests whose path matches use this reply; others go to the routes. */
  path?: RegExp;
}

export class FakeHttpServer {
  readonly requests: RecordedRequest[] = [];
  /** Milliseconds to wait before answering (slow mode). */
  delayMs = 0;
  private readonly scripted: Scripted[] = [];

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(route: Route, contentType = 'application/json'): Promise<FakeHttpServer> {
    const holder: { fake?: FakeHttpServer } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        void holder.fake?.answer(
          req.method ?? 'GET',
          req.url ?? '/',
          req.headers,
          chunks,
          res,
          route,
          contentType,
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.fake = new FakeHttpServer(server, `http://127.0.0.1:${String(port)}`);
    return holder.fake;
  }

  /** Answer the next `times` requests (matching `path`, if given) with `reply`. */
  replyNext(reply: Reply, times = 1, path?: RegExp): void {
    for (let i = 0; i < times; i += 1) {
      this.scripted.push(path ? { reply, path } : { reply });
    }
  }

  /** Requests whose path matches, or all of them. */
  count(path?: RegExp): number {
    return path ? this.requests.filter((r) => path.test(r.path)).length : this.requests.length;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }

  private async answer(
    method: string,
    rawUrl: string,
    headers: IncomingHttpHeaders,
    chunks: Buffer[],
    res: ServerResponse,
    route: Route,
    contentType: string,
  ): Promise<void> {
    const url = new URL(rawUrl, this.origin);
    const request = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    this.requests.push(request);
    const reply = this.takeScripted(request.path) ?? route(request);
    if (this.delayMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    }
    if (res.destroyed) {
      return;
    }
    const body =
      reply.body === undefined
        ? ''
        : typeof reply.body === 'string'
          ? reply.body
          : JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'content-type': contentType, ...reply.headers });
    res.end(body);
  }

  private takeScripted(path: string): Reply | undefined {
    const index = this.scripted.findIndex((s) => !s.path || s.path.test(path));
    if (index === -1) {
      return undefined;
    }
    const [taken] = this.scripted.splice(index, 1);
    return taken?.reply;
  }
}

/** Reads a JSON fixture of test/fixtures/providers/<provider>/<name>.json. */
export function fixture(provider: string, name: string): unknown {
  const url = new URL(`../../fixtures/providers/${provider}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}
