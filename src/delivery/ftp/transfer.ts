/**
 * STOR / APPE over a data connection opened by passive.ts, on basic-ftp's control channel.
 *
 * basic-ftp's own upload fails as soon as the data socket breaks and closes the control
 * connection with it. But a server that refuses the bytes (disk full, quota, permission) closes
 * the data connection first and only then says why on the control connection — "451 Failure
 * writing to local file." — so the reason was lost and a full disk looked like a network drop.
 * Here a broken data connection waits a moment for the server's reply, and the reply wins.
 */
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { FTPError, type FTPContext, type FTPResponse, type TaskResolver as Task } from 'basic-ftp';
import type { DataConnection } from './passive.js';

/** How long a broken data connection waits for the server to explain it. */
const REPLY_GRACE_MS = 2_000;

class Store {
  private reply: FTPResponse | undefined;
  private sent = false;
  private grace: NodeJS.Timeout | undefined;

  constructor(
    private readonly ftp: FTPContext,
    private readonly data: DataConnection,
    private readonly body: Readable,
    private readonly sourceError: () => Error | undefined,
  ) {}

  /** basic-ftp's ResponseHandler for the transfer command. */
  handle(response: Error | FTPResponse, task: Task): void {
    if (response instanceof Error) {
      // FTPError: the server refused; anything else: the control connection failed or was closed.
      this.finish();
      task.reject(response);
    } else if (response.code === 150 || response.code === 125) {
      this.start(task);
    } else if (response.code >= 200 && response.code < 300) {
      this.reply = response;
      this.settle(task);
    } else if (response.code >= 300 && response.code < 400) {
      this.finish();
      task.reject(new FTPError(response));
    }
  }

  private start(task: Task): void {
    const socket = this.data.socket;
    // During the transfer the data socket watches for silence; the idle control socket must not.
    this.ftp.socket.setTimeout(0);
    socket.setTimeout(this.ftp.timeout);
    socket.once('timeout', () => {
      this.fail(task, Object.assign(new Error('Timeout (data socket)'), { code: 'ETIMEDOUT' }));
    });
    void this.data.ready.then(() => {
      pipeline(this.body, socket, (error) => {
        if (!error) {
          this.sent = true;
          this.ftp.socket.setTimeout(this.ftp.timeout);
          socket.setTimeout(0);
          this.settle(task);
        } else {
          this.broken(task, error);
        }
      });
    });
  }

  private broken(task: Task, error: Error): void {
    // pipeline() destroys every stream with the socket's error, so the body cannot tell whose
    // error it is: the caller knows whether its source failed.
    const sourceError = this.sourceError();
    if (sourceError !== undefined) {
      this.fail(task, sourceError);
      return;
    }
    this.ftp.socket.setTimeout(this.ftp.timeout);
    this.grace = setTimeout(() => {
      this.fail(task, error);
    }, REPLY_GRACE_MS);
  }

  private settle(task: Task): void {
    if (this.sent && this.reply !== undefined) {
      this.finish();
      task.resolve(this.reply);
    }
  }

  private fail(task: Task, error: Error): void {
    this.finish();
    task.reject(error);
    this.ftp.closeWithError(error);
  }

  private finish(): void {
    clearTimeout(this.grace);
    this.data.socket.destroy();
  }
}

/**
 * Sends `command` (`STOR <path>` or `APPE <path>`) and streams `body` into the data connection.
 * Resolves with the server's final reply; rejects with the server's refusal when there is one.
 */
export function store(
  ftp: FTPContext,
  command: string,
  data: DataConnection,
  body: Readable,
  sourceError: () => Error | undefined,
): Promise<FTPResponse> {
  // basic-ftp's own data-socket handlers would close the control connection on the first socket
  // error and lose the server's reply: the socket stays ours and is watched by Store instead.
  const socket: Socket | TLSSocket = data.socket;
  socket.on('error', () => undefined);
  const transfer = new Store(ftp, data, body, sourceError);
  return ftp.handle(command, (response, task) => {
    transfer.handle(response, task);
  }) as Promise<FTPResponse>;
}
