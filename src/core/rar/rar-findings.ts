/**
 * What the RAR verifier reports. A corrupt archive is an expected answer for a checker, so
 * problems come back as findings (rule id, level, plain message), never as exceptions.
 */

export type FindingLevel = 'error' | 'warning';

export const RAR_RULES = {
  notRar: 'rar.not_rar',
  rar5: 'rar.rar5',
  headerCrc: 'rar.header_crc',
  badHeader: 'rar.bad_header',
  truncated: 'rar.truncated',
  volumeMissing: 'rar.volume_missing',
  volumeNumber: 'rar.volume_number',
  volumeCrc: 'rar.volume_crc',
  volumeFlags: 'rar.volume_flags',
  continuity: 'rar.continuity',
  partCrc: 'rar.part_crc',
  fileCrc: 'rar.file_crc',
  sizeMismatch: 'rar.size_mismatch',
  notStore: 'rar.not_store',
  solid: 'rar.solid',
  encrypted: 'rar.encrypted',
  recoveryRecord: 'rar.recovery_record',
  comment: 'rar.comment',
  locked: 'rar.locked',
  authenticity: 'rar.authenticity',
  noEndBlock: 'rar.no_end_block',
  trailingData: 'rar.trailing_data',
  extraVolume: 'rar.extra_volume',
  unknownBlock: 'rar.unknown_block',
} as const;

export type RarRule = (typeof RAR_RULES)[keyof typeof RAR_RULES];

export interface RarFinding {
  rule: RarRule;
  level: FindingLevel;
  message: string;
  /** The volume file the finding is about, when there is one. */
  volume?: string;
}

export function finding(
  rule: RarRule,
  level: FindingLevel,
  message: string,
  volume?: string,
): RarFinding {
  return volume === undefined ? { rule, level, message } : { rule, level, message, volume };
}
