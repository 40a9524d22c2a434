import { z } from 'zod';
import { DESTINATION_PROTOCOLS } from '../../../domain/enums.js';
import { displayName, groupName, releaseType } from '../../schemas.js';

const protocol = z.enum(DESTINATION_PROTOCOLS);
const host = z
  .string()
  .max(255)
  .regex(
    /^([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$|^[0-9a-fA-F:.]+$/,
    'must be a host name or an IP address',
  );
const secret = z.string().max(16_384).nullable().optional();
const remotePath = z
  .string()
  .max(500)
  .regex(/^\//, 'must be absolute')
  .refine((value) => !value.split('/').includes('..'), 'must not contain ".." segments');

export const destinationBody = z.strictObject({
  name: displayName,
  protocol,
  host,
  port: z.number().int().min(1).max(65535).optional(),
  username: z.string().min(1).max(255),
  password: secret,
  privateKey: secret,
  passphrase: secret,
  hostKeyFingerprint: z
    .string()
    .regex(/^SHA256:[A-Za-z0-9+/]{43}=?$/, 'must look like SHA256:<base64>')
    .nullable()
    .optional(),
  tlsFingerprint: z
    .string()
    .regex(
      /^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$/,
      'must be a SHA-256 fingerprint, hex pairs with colons',
    )
    .nullable()
    .optional(),
  remotePath: remotePath.optional(),
  passive: z.boolean().optional(),
  timeoutMs: z.number().int().min(1000).max(600_000).nullable().optional(),
  groupName: groupName.nullable().optional(),
  releaseType: releaseType.nullable().optional(),
  enabled: z.boolean().optional(),
});
export const destinationPatch = destinationBody.partial();

export const listQuery = z.strictObject({
  group: groupName.optional(),
  userId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const destinationView = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    protocol,
    host: z.string(),
    port: z.number().int(),
    username: z.string(),
    password: z.string().nullable(),
    privateKey: z.string().nullable(),
    passphrase: z.string().nullable(),
    hostKeyFingerprint: z.string().nullable(),
    tlsFingerprint: z.string().nullable(),
    remotePath: z.string(),
    passive: z.boolean(),
    timeoutMs: z.number().int(),
    groupName: z.string().nullable(),
    releaseType: releaseType.nullable(),
    enabled: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Destination' });

export const testResult = z
  .object({ success: z.boolean(), message: z.string(), details: z.record(z.string(), z.unknown()) })
  .meta({ id: 'DestinationTestResult' });
