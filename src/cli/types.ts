export interface MigrationReport {
  applied: string[];
  reverted: string | undefined;
  status: { name: string; executedAt: Date | null }[];
}
