/**
 * Language values → ISO 639-1. Files write `fr`, `fr-FR`, `fre`/`fra` (MARC, MKV), `French` or
 * `français`; names and releases need one code. The table covers the languages Scene rules name
 * plus the common ones; anything else stays null and the raw value is kept by the caller.
 */

// ISO 639-1, then its 639-2 codes (B and T), then English and native names, lower-case.
const TABLE: readonly (readonly string[])[] = [
  ['en', 'eng', 'english'],
  ['fr', 'fre', 'fra', 'french', 'français', 'francais'],
  ['de', 'ger', 'deu', 'german', 'deutsch'],
  ['es', 'spa', 'spanish', 'español', 'espanol', 'castellano'],
  ['it', 'ita', 'italian', 'italiano'],
  ['nl', 'dut', 'nld', 'dutch', 'nederlands', 'flemish'],
  ['pt', 'por', 'portuguese', 'português', 'portugues'],
  ['sv', 'swe', 'swedish', 'svenska'],
  ['da', 'dan', 'danish', 'dansk'],
  ['no', 'nor', 'norwegian', 'norsk'],
  ['nb', 'nob', 'norwegian bokmål', 'bokmål'],
  ['nn', 'nno', 'norwegian nynorsk', 'nynorsk'],
  ['fi', 'fin', 'finnish', 'suomi'],
  ['is', 'ice', 'isl', 'icelandic', 'íslenska'],
  ['pl', 'pol', 'polish', 'polski'],
  ['cs', 'cze', 'ces', 'czech', 'čeština'],
  ['sk', 'slo', 'slk', 'slovak', 'slovenčina'],
  ['sl', 'slv', 'slovenian', 'slovene'],
  ['hu', 'hun', 'hungarian', 'magyar'],
  ['ro', 'rum', 'ron', 'romanian', 'română'],
  ['bg', 'bul', 'bulgarian'],
  ['hr', 'hrv', 'croatian', 'hrvatski'],
  ['sr', 'srp', 'serbian'],
  ['el', 'gre', 'ell', 'greek'],
  ['tr', 'tur', 'turkish', 'türkçe'],
  ['ru', 'rus', 'russian', 'русский'],
  ['uk', 'ukr', 'ukrainian'],
  ['et', 'est', 'estonian'],
  ['lv', 'lav', 'latvian'],
  ['lt', 'lit', 'lithuanian'],
  ['ar', 'ara', 'arabic'],
  ['he', 'heb', 'hebrew'],
  ['fa', 'per', 'fas', 'persian', 'farsi'],
  ['hi', 'hin', 'hindi'],
  ['ja', 'jpn', 'japanese', '日本語'],
  ['ko', 'kor', 'korean', '한국어'],
  ['zh', 'chi', 'zho', 'chinese', '中文'],
  ['th', 'tha', 'thai'],
  ['vi', 'vie', 'vietnamese'],
  ['id', 'ind', 'indonesian'],
  ['ms', 'may', 'msa', 'malay'],
  ['ca', 'cat', 'catalan', 'català'],
  ['eu', 'baq', 'eus', 'basque'],
  ['gl', 'glg', 'galician'],
  ['ga', 'gle', 'irish'],
  ['cy', 'wel', 'cym', 'welsh'],
  ['la', 'lat', 'latin'],
  ['eo', 'epo', 'esperanto'],
  ['af', 'afr', 'afrikaans'],
];

const LOOKUP: ReadonlyMap<string, string> = new Map(
  TABLE.flatMap((row) => row.map((alias): [string, string] => [alias, row[0] ?? ''])),
);

export function toIso639_1(raw: string): string | null {
  const value = raw.trim().toLowerCase();
  const whole = LOOKUP.get(value);
  if (whole !== undefined) {
    return whole;
  }
  // Region or script variants: fr-FR, fr_CA, zh-Hans, pt-BR.
  const primary = value.split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? (LOOKUP.get(primary) ?? null) : null;
}
