/**
 * `scenepacker secrets rotate`: re-encrypts every stored secret with a new key in one
 * transaction. Either every value moves to the new key or none does.
 */
import type { Database } from '../db/ports.js';
import type { SecretBox } from './secret-box.js';
import type { Runtime } from './context.js';
import { writeAudit } from './context.js';

function reseal(from: SecretBox, to: SecretBox, value: string | null): string | null {
  return value === null ? null : to.encrypt(from.decrypt(value));
}

export async function rotateSecrets(
  db: Database,
  runtime: Runtime,
  from: SecretBox,
  to: SecretBox,
): Promise<{ destinations: number; apiConfigs: number }> {
  return db.transaction(async (tx) => {
    const destinations = await tx.destinations.all();
    for (const row of destinations) {
      await tx.destinations.update(row.id, {
        passwordEnc: reseal(from, to, row.passwordEnc),
        privateKeyEnc: reseal(from, to, row.privateKeyEnc),
        passphraseEnc: reseal(from, to, row.passphraseEnc),
      });
    }
    const apiConfigs = await tx.apiConfigs.all();
    for (const row of apiConfigs) {
      await tx.apiConfigs.update(row.id, {
        apiKeyEnc: reseal(from, to, row.apiKeyEnc),
        pinEnc: reseal(from, to, row.pinEnc),
      });
    }
    await writeAudit(tx, runtime, null, {
      action: 'secrets.rotate',
      resourceType: 'secrets',
      details: { destinations: destinations.length, apiConfigs: apiConfigs.length },
    });
    return { destinations: destinations.length, apiConfigs: apiConfigs.length };
  });
}
