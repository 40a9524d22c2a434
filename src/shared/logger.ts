/**
 * The logger port: pino's shape, so the pino instance built in main satisfies it, and tests can
 * pass a recording logger. Objects go first, the message second. Secrets never reach a logger:
 * pino's `redact` list in main masks the known secret fields as a second line of defence.
 */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};

/** The mask shown wherever a secret would otherwise appear. */
export const SECRET_MASK = '********';
