/**
 * Google Books v1 JSON as it is sent (metadata-apis.md §2). A search without a match has no
 * `items` key at all; the `/volumes/{id}` record can differ from the search record and is the one
 * to trust. Errors come in Google's standard envelope.
 */

export interface RawIndustryIdentifier {
  type: 'ISBN_10' | 'ISBN_13' | 'ISSN' | 'OTHER';
  identifier: string;
}

export interface RawImageLinks {
  smallThumbnail?: string;
  thumbnail?: string;
  small?: string;
  medium?: string;
  large?: string;
  extraLarge?: string;
}

export interface RawVolumeInfo {
  title?: string;
  subtitle?: string;
  authors?: string[];
  publisher?: string;
  /** `1990`, `1990-09` or `1990-09-01`. */
  publishedDate?: string;
  /** HTML-ish (`<b>`, `<i>`, `<br>`); missing from search records. */
  description?: string;
  industryIdentifiers?: RawIndustryIdentifier[];
  readingModes?: { text: boolean; image: boolean };
  pageCount?: number;
  printedPageCount?: number;
  printType?: 'BOOK' | 'MAGAZINE';
  /** May hold `/` hierarchies: "Fiction / Science Fiction / General". */
  categories?: string[];
  averageRating?: number;
  ratingsCount?: number;
  maturityRating?: string;
  allowAnonLogging?: boolean;
  contentVersion?: string;
  imageLinks?: RawImageLinks;
  /** ISO 639-1. */
  language?: string;
  previewLink?: string;
  infoLink?: string;
  canonicalVolumeLink?: string;
}

export interface RawVolume {
  kind: 'books#volume';
  id: string;
  etag?: string;
  selfLink?: string;
  volumeInfo: RawVolumeInfo;
  saleInfo?: Record<string, unknown>;
  accessInfo?: Record<string, unknown>;
  searchInfo?: { textSnippet?: string };
}

export interface RawVolumes {
  kind: 'books#volumes';
  totalItems: number;
  /** Absent (not empty) when nothing matched. */
  items?: RawVolume[];
}

export interface RawErrorItem {
  message: string;
  domain: string;
  /** `rateLimitExceeded`, `dailyLimitExceeded`, `keyInvalid`, `unknownLocation` … */
  reason: string;
}

export interface RawError {
  error: {
    code: number;
    message: string;
    errors?: RawErrorItem[];
    /** `RESOURCE_EXHAUSTED`, `INVALID_ARGUMENT`, `PERMISSION_DENIED` … */
    status?: string;
    details?: {
      '@type': string;
      reason?: string;
      domain?: string;
      metadata?: Record<string, string>;
    }[];
  };
}
