import { z } from 'zod';
import { displayName, role } from '../../schemas.js';

const username = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{3,64}$/, 'must be 3–64 letters, digits or _ . -');
const email = z.email().max(254);

export const usersQuery = z.strictObject({
  role: role.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  search: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const createUserBody = z.strictObject({
  username,
  password: z.string().min(1).max(256),
  email: email.nullable().optional(),
  displayName: displayName.nullable().optional(),
  role: role.default('operator'),
});

export const updateUserBody = z.strictObject({
  email: email.nullable().optional(),
  displayName: displayName.nullable().optional(),
  role: role.optional(),
  disabled: z.boolean().optional(),
});

export const roleBody = z.strictObject({ role });
export const resetBody = z
  .strictObject({ password: z.string().min(1).max(256).optional() })
  .nullish();
