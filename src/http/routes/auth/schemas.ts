import { z } from 'zod';
import { publicUser } from '../../schemas.js';

export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(256),
  /** API clients that want to refresh without cookies ask for the refresh token in the body. */
  includeRefreshToken: z.boolean().optional(),
});

export const refreshBody = z
  .strictObject({
    refreshToken: z.string().min(10).max(200).optional(),
    includeRefreshToken: z.boolean().optional(),
  })
  .nullish();

export const sessionReply = z
  .object({
    token: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int(),
    user: publicUser,
    csrfToken: z.string(),
    refreshToken: z.string().optional(),
    refreshExpiresAt: z.date(),
  })
  .meta({ id: 'Session' });

export const meReply = z.object({
  user: publicUser,
  csrfToken: z.string().optional(),
  authVia: z.enum(['cookie', 'bearer', 'api-token']),
});

export const passwordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const tokenBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[^/\\\0<>]+$/),
  expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
});

export const apiToken = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.date(),
    expiresAt: z.date().nullable(),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
  })
  .meta({ id: 'ApiToken' });
