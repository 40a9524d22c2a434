/**
 * A byte-forwarding TCP proxy for fault injection between a client and a loopback server.
 *
 * FTP opens data connections to ports the server names, so the proxy can also mirror a port
 * range: it listens on `listenHost:p` for every passive port p and forwards to `targetHost:p`.
 * With the control connection on `listenHost` too, EPSV replies (port only) and PASV replies
 * naming the server's own address (which the client replaces by the control host) both lead the
 * data through the proxy — even under TLS, which it never has to read.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface ProxyOptions {
  targetHost: string;
  targetPort: number;
  /** A loopback address other than the server's, e.g. 127.0.0.2. */
  listenHost: string;
  /** Ports to mirror one-to-one (the FTP passive range). */
  mirrorPorts?: number[];
  /** Rewrites client→server bytes of the main port (plain FTP only), e.g. to hide EPSV. */
  rewriteUpstream?: (chunk: Buffer) => Buffer;
}

interface Pair {
  client: Socket;
  server: Socket;
  mirrored: boolean;
}

export class TcpProxy {
  port = 0;
  /** Client→server bytes forwarded since start, main and mirrored ports together. */
  upstreamBytes = 0;
  /** Connections accepted on the main port. */
  connections = 0;
  private readonly servers: Server[] = [];
  private readonly pairs = new Set<Pair>();
  private cut: { after: number; counted: number; onlyMirrored: boolean } | undefined;
  private stalled = false;

  constructor(private readonly options: ProxyOptions) {}

  async start(): Promise<this> {
    const main = await this.listen(0, this.options.targetPort, false);
    const address = main.address();
    this.port = typeof address === 'object' && address !== null ? address.port : 0;
    for (const port of this.options.mirrorPorts ?? []) {
      await this.listen(port, port, true);
    }
    return this;
  }

  /**
   * Drops every open connection once `bytes` more client→server bytes went through (counting
   * only data connections when `onlyMirrored`). One shot: later connections pass untouched.
   */
  cutAfter(bytes: number, onlyMirrored = false): void {
    this.cut = { after: bytes, counted: 0, onlyMirrored };
  }

  /** Stops forwarding in both directions without closing anything (a hung server). */
  stall(): void {
    this.stalled = true;
  }

  /** Closes the listeners and every connection through them. */
  async stop(): Promise<void> {
    this.dropAll();
    await Promise.all(
      this.servers.map(
        (server) =>
          new Promise<void>((resolve) =>
            server.close(() => {
              resolve();
            }),
          ),
      ),
    );
  }

  private listen(port: number, targetPort: number, mirrored: boolean): Promise<Server> {
    // Half-open: a FIN from one side is passed on as a FIN, after the bytes before it.
    const server = createServer({ allowHalfOpen: true }, (client) => {
      this.accept(client, targetPort, mirrored);
    });
    this.servers.push(server);
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.options.listenHost, () => {
        resolve(server);
      });
    });
  }

  private accept(client: Socket, targetPort: number, mirrored: boolean): void {
    if (!mirrored) {
      this.connections += 1;
    }
    const server = connect({
      port: targetPort,
      host: this.options.targetHost,
      allowHalfOpen: true,
    });
    const pair: Pair = { client, server, mirrored };
    this.pairs.add(pair);
    const drop = (): void => {
      this.pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on('error', drop);
    server.on('error', drop);
    const forget = (): void => {
      if (client.destroyed && server.destroyed) {
        this.pairs.delete(pair);
      }
    };
    client.on('close', forget);
    server.on('close', forget);
    client.on('data', (chunk: Buffer) => {
      this.upstream(pair, chunk);
    });
    server.on('data', (chunk: Buffer) => {
      if (!this.stalled) {
        client.write(chunk);
      }
    });
    client.on('end', () => server.end());
    server.on('end', () => client.end());
  }

  private upstream(pair: Pair, chunk: Buffer): void {
    if (this.stalled) {
      return;
    }
    const rewrite = this.options.rewriteUpstream;
    const bytes = !pair.mirrored && rewrite !== undefined ? rewrite(chunk) : chunk;
    this.upstreamBytes += bytes.length;
    const cut = this.cut;
    if (cut !== undefined && (pair.mirrored || !cut.onlyMirrored)) {
      cut.counted += bytes.length;
      if (cut.counted >= cut.after) {
        this.cut = undefined;
        pair.server.write(bytes.subarray(0, bytes.length - (cut.counted - cut.after)));
        this.dropAll();
        return;
      }
    }
    pair.server.write(bytes);
  }

  private dropAll(): void {
    for (const pair of this.pairs) {
      pair.client.resetAndDestroy();
      pair.server.destroy();
    }
    this.pairs.clear();
  }
}
