/** `/health`: is the program up, can it reach its database, which job driver runs. */
import type { Database } from '../db/ports.js';

export interface Health {
  status: 'healthy' | 'unhealthy';
  version: string;
  database: 'connected' | 'disconnected';
  dialect: string;
  jobDriver: string;
}

export class HealthService {
  constructor(private readonly deps: { db: Database; version: string; jobDriver: string }) {}

  async check(): Promise<Health> {
    const { deps } = this;
    const up = await deps.db.ping().catch(() => false);
    return {
      status: up ? 'healthy' : 'unhealthy',
      version: deps.version,
      database: up ? 'connected' : 'disconnected',
      dialect: deps.db.dialect,
      jobDriver: deps.jobDriver,
    };
  }
}
