/**
 * Default DOCS NFO: documents follow the eBOOK rules (technical literature), so the same
 * mandatory fields, with a plain statement when the format is outside every scene ruleset.
 */
import { banner, boxTitle, field, footer, optionalField, optionalSection } from './art.js';

export const DOCS_NFO_TEMPLATE = [
  ...banner('p r e s e n t s'),
  '',
  ...boxTitle('D O C U M E N T   I N F O R M A T I O N'),
  field('title', 'Title'),
  ...optionalField('author', 'Author'),
  ...optionalField('publisher', 'Publisher'),
  ...optionalField('edition', 'Version'),
  field('publish_date', 'Published'),
  field('language', 'Language'),
  field('source', 'Source'),
  field('format', 'Format'),
  field('release_date', 'Release date'),
  field('disks', 'Disks'),
  field('size', 'Size'),
  ...optionalField('url', 'Proof URL'),
  '{%- if non_scene %}',
  '{{ "Not covered by any scene ruleset: released as iNTERNAL." | field: "Note" | box }}',
  '{%- endif %}',
  ...optionalSection('fixes', 'R E P L A C E S'),
  ...optionalSection('notes', 'N O T E S'),
  ...footer(),
].join('\n');
