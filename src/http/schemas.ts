/** Schemas shared by several routes. Request bodies are strict: unknown fields are refused. */
import { z } from 'zod';
import { ERROR_CODES } from '../shared/errors.js';
import { RELEASE_TYPES, ROLES, type JsonValue } from '../domain/enums.js';

const errorBody = z
  .object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.unknown().optional() })
  .meta({ id: 'Error' });

/** The error answers every protected route may give, for OpenAPI. */
export const commonErrors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  429: errorBody,
};

export const idParams = z.strictObject({ id: z.uuid() });

/** Names users type (templates, destinations, tokens): printable, no path separators. */
export const displayName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^/\\\0<>]+$/, 'must not contain / \\ < > or NUL');

/** Scene group names: 2–32 of [A-Za-z0-9_] (the last hyphen of a release name separates the group). */
export const groupName = z
  .string()
  .regex(/^[A-Za-z0-9_]{2,32}$/, 'must be 2–32 letters, digits or _');

export const releaseType = z.enum(RELEASE_TYPES);
export const role = z.enum(ROLES);

export const publicUser = z
  .object({
    id: z.string(),
    username: z.string(),
    email: z.string().nullable(),
    displayName: z.string().nullable(),
    role,
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
    lastLoginAt: z.date().nullable(),
  })
  .meta({ id: 'User' });

export function paged<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

export const successBody = z.object({ success: z.literal(true), message: z.string().optional() });

/** Any JSON value (request bodies are parsed JSON already); required, so a missing field is refused. */
export const jsonValue = z
  .custom<JsonValue>((value) => value !== undefined, 'Required')
  .meta({ description: 'any JSON value' });
