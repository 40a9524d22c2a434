import type { EbookKind } from './ebook-head.js';

/** What a name check reports: a stable rule id, how bad it is, and a sentence for people. */
export interface NameFinding {
  rule: string;
  level: 'error' | 'warning';
  message: string;
}

export function error(rule: string, message: string): NameFinding {
  return { rule, level: 'error', message };
}

export function warning(rule: string, message: string): NameFinding {
  return { rule, level: 'warning', message };
}

export interface NameContext {
  /** Payload format (PDF, EPUB …); eBOOK names must carry the matching format tag. */
  format?: string;
  /** Declared eBOOK kind; magazines, comics, manga and XXX need their type tag. */
  kind?: EbookKind;
}
