/**
 * Default eBOOK NFO: every field the eBOOK rules make mandatory (release date, publish date,
 * language, release type, author/publisher, proof URL for RETAiL, what a fix replaces) plus
 * the recommended disks, size, ISBN and genre.
 */
import { banner, boxTitle, field, footer, optionalField, optionalSection } from './art.js';

export const EBOOK_NFO_TEMPLATE = [
  ...banner('p r e s e n t s'),
  '',
  ...boxTitle('e B O O K   I N F O R M A T I O N'),
  field('title', 'Title'),
  ...optionalField('author', 'Author'),
  ...optionalField('publisher', 'Publisher'),
  ...optionalField('edition', 'Edition'),
  ...optionalField('issue', 'Issue'),
  field('publish_date', 'Published'),
  field('language', 'Language'),
  ...optionalField('type', 'Type'),
  ...optionalField('genre', 'Genre'),
  ...optionalField('isbn', 'ISBN'),
  field('source', 'Source'),
  field('format', 'Format'),
  field('release_date', 'Release date'),
  field('disks', 'Disks'),
  field('size', 'Size'),
  ...optionalField('url', 'Proof URL'),
  ...optionalSection('fixes', 'R E P L A C E S'),
  ...optionalSection('notes', 'N O T E S'),
  ...footer(),
].join('\n');
