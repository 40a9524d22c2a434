/**
 * The HTTP status rules every provider shares; each client checks its own error envelope first
 * and hands the rest here.
 */
import type { LookupOutcome } from '../../ports.js';
import { retryAfterSeconds, type HttpReply } from './transport.js';

export function interpretStatus(reply: HttpReply, message?: string): LookupOutcome<unknown> {
  const { status } = reply;
  if (status >= 200 && status < 300) {
    return reply.json === undefined
      ? { kind: 'bad_response', reason: `HTTP ${status} without a JSON body` }
      : { kind: 'found', value: reply.json };
  }
  const reason = message === undefined ? `HTTP ${status}` : `HTTP ${status}: ${message}`;
  if (status === 404) {
    return { kind: 'not_found', reason };
  }
  if (status === 401 || status === 403) {
    return { kind: 'bad_credentials', reason };
  }
  if (status === 429) {
    return rateLimited(reply, reason);
  }
  if (status >= 500) {
    return { kind: 'unavailable', reason };
  }
  return { kind: 'bad_response', reason };
}

export function rateLimited(reply: HttpReply, reason: string): LookupOutcome<never> {
  const retryAfter = retryAfterSeconds(reply.headers, reply.receivedAt);
  return retryAfter === undefined
    ? { kind: 'rate_limited', reason }
    : { kind: 'rate_limited', reason, retryAfterSeconds: retryAfter };
}
