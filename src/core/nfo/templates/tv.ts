/**
 * Default TV NFO: release name, dates, runtime, resolution, frame rate, video and audio codecs
 * with channels, subtitles, size and "N x M MB" with the real volume count; the source bitrate
 * for transcodes (WDX §17).
 */
import { banner, boxTitle, field, footer, optionalField, optionalSection } from './art.js';

export const TV_NFO_TEMPLATE = [
  ...banner('p r e s e n t s'),
  '',
  ...boxTitle('T V   I N F O R M A T I O N'),
  field('show', 'Show'),
  ...optionalField('episode_label', 'Episode'),
  ...optionalField('air_date', 'Aired'),
  ...optionalField('network', 'Network'),
  ...optionalField('genre', 'Genre'),
  field('release_date', 'Release date'),
  field('runtime', 'Runtime'),
  field('video_codec', 'Video'),
  field('resolution', 'Resolution'),
  ...optionalField('aspect_ratio', 'Aspect ratio'),
  field('fps', 'Frame rate'),
  ...optionalField('video_bitrate', 'Bitrate'),
  ...optionalField('source_bitrate', 'Source bitrate'),
  field('audio', 'Audio'),
  field('subtitles', 'Subtitles'),
  field('size', 'Size'),
  field('disks', 'Archive'),
  ...optionalField('url', 'Link'),
  ...optionalSection('plot', 'P L O T'),
  ...optionalSection('fixes', 'R E P L A C E S'),
  ...optionalSection('notes', 'N O T E S'),
  ...footer(),
].join('\n');
