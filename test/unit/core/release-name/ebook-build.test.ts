import { describe, expect, it } from 'vitest';
import {
  buildDocsName,
  buildEbookName,
  type EbookNameInput,
} from '../../../../src/core/release-name/index.js';
import { getProfile, type EbookProfile } from '../../../../src/core/rules/index.js';
import { isAppError, type ErrorCode } from '../../../../src/shared/errors.js';

const ebook = getProfile('ebook-2022') as EbookProfile;

const base: EbookNameInput = {
  title: 'Le Château de Verre',
  author: 'Émile Dupont',
  year: 2019,
  language: 'fr',
  source: 'RETAIL',
  format: 'EPUB',
  group: 'MYGRP',
};

describe('buildEbookName: names from metadata', () => {
  it.each<[string, Partial<EbookNameInput>, string]>([
    [
      'the peer example',
      {},
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.ePUB.eBOOK-MYGRP',
    ],
    [
      'English carries no language',
      { language: 'en' },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.RETAiL.ePUB.eBOOK-MYGRP',
    ],
    [
      'eng is English',
      { language: 'eng' },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.RETAiL.ePUB.eBOOK-MYGRP',
    ],
    [
      'en-US is English',
      { language: 'en-US' },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.RETAiL.ePUB.eBOOK-MYGRP',
    ],
    [
      'no language means English',
      { language: null },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.RETAiL.ePUB.eBOOK-MYGRP',
    ],
    [
      'fre is French',
      { language: 'fre' },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.ePUB.eBOOK-MYGRP',
    ],
    [
      'fra is French',
      { language: 'fra' },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.ePUB.eBOOK-MYGRP',
    ],
    [
      'ger is German',
      { language: 'ger' },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.GERMAN.RETAiL.ePUB.eBOOK-MYGRP',
    ],
    [
      'deu is German',
      { language: 'deu' },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.GERMAN.RETAiL.ePUB.eBOOK-MYGRP',
    ],
    [
      'Italian in scene case',
      { language: 'it' },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.iTALiAN.RETAiL.ePUB.eBOOK-MYGRP',
    ],
    [
      'Swedish in scene case',
      { language: 'sv-SE' },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.SWEDiSH.RETAiL.ePUB.eBOOK-MYGRP',
    ],
    [
      'PDF carries no format',
      { format: 'PDF' },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.eBOOK-MYGRP',
    ],
    [
      'pdf in lower case',
      { format: 'pdf' },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.eBOOK-MYGRP',
    ],
    [
      'CBZ',
      { format: 'CBZ' },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.CBZ.eBOOK-MYGRP',
    ],
    [
      'MOBI',
      { format: 'mobi' },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.MOBI.eBOOK-MYGRP',
    ],
    [
      'AZW',
      { format: 'AZW' },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.AZW.eBOOK-MYGRP',
    ],
    [
      'AZW3 is KF8',
      { format: 'azw3' },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.KF8.eBOOK-MYGRP',
    ],
    [
      'PRC',
      { format: '.prc' },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.PRC.eBOOK-MYGRP',
    ],
    [
      'HYBRiD',
      { source: 'hybrid' },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.HYBRiD.ePUB.eBOOK-MYGRP',
    ],
    [
      'SCAN is PDF',
      { source: 'Scan', format: 'PDF' },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.SCAN.eBOOK-MYGRP',
    ],
    [
      'year as text',
      { year: '2019' },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.ePUB.eBOOK-MYGRP',
    ],
    [
      'year 1900',
      { year: 1900 },
      'Emile.Dupont.Le.Chateau.de.Verre.1900.FRENCH.RETAiL.ePUB.eBOOK-MYGRP',
    ],
    [
      'year 2099',
      { year: 2099 },
      'Emile.Dupont.Le.Chateau.de.Verre.2099.FRENCH.RETAiL.ePUB.eBOOK-MYGRP',
    ],
    [
      'extras between source and format',
      { extraTags: ['internal', 'READNFO'] },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.iNTERNAL.READNFO.ePUB.eBOOK-MYGRP',
    ],
    [
      'PROPER',
      { extraTags: ['proper'] },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.PROPER.ePUB.eBOOK-MYGRP',
    ],
    [
      'DiRFiX in scene case',
      { extraTags: ['DIRFIX'] },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.DiRFiX.ePUB.eBOOK-MYGRP',
    ],
    [
      'repeated tags once',
      { extraTags: ['NFOFIX', 'nfofix'] },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.NFOFiX.ePUB.eBOOK-MYGRP',
    ],
    [
      'publisher when no author',
      { author: null, publisher: 'Gallimard' },
      'Gallimard.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.ePUB.eBOOK-MYGRP',
    ],
    [
      'group with underscore and digits',
      { group: 'Grp_1' },
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.ePUB.eBOOK-Grp_1',
    ],
    [
      'edition number',
      { edition: 3 },
      'Emile.Dupont.Le.Chateau.de.Verre.3rd.Edition.2019.FRENCH.RETAiL.ePUB.eBOOK-MYGRP',
    ],
    [
      'edition 1',
      { edition: '1' },
      'Emile.Dupont.Le.Chateau.de.Verre.1st.Edition.2019.FRENCH.RETAiL.ePUB.eBOOK-MYGRP',
    ],
    [
      'edition 2',
      { edition: 2 },
      'Emile.Dupont.Le.Chateau.de.Verre.2nd.Edition.2019.FRENCH.RETAiL.ePUB.eBOOK-MYGRP',
    ],
    [
      'edition 11',
      { edition: 11 },
      'Emile.Dupont.Le.Chateau.de.Verre.11th.Edition.2019.FRENCH.RETAiL.ePUB.eBOOK-MYGRP',
    ],
    [
      'edition 22',
      { edition: 22 },
      'Emile.Dupont.Le.Chateau.de.Verre.22nd.Edition.2019.FRENCH.RETAiL.ePUB.eBOOK-MYGRP',
    ],
    [
      'edition text',
      { edition: 'Revised Edition' },
      'Emile.Dupont.Le.Chateau.de.Verre.Revised.Edition.2019.FRENCH.RETAiL.ePUB.eBOOK-MYGRP',
    ],
  ])('%s', (_label, change, expected) => {
    expect(buildEbookName({ ...base, ...change }, ebook).name).toBe(expected);
  });
});

describe('buildEbookName: templates of each kind', () => {
  const english = { language: 'en', source: 'RETAIL', format: 'PDF', group: 'GRP', year: 2010 };
  it.each<[string, EbookNameInput, string]>([
    [
      'fiction (rules example)',
      { ...english, title: 'The Lord of The Rings', author: 'J.R.R. Tolkien' },
      'J.R.R.Tolkien.The.Lord.of.The.Rings.2010.RETAiL.eBOOK-GRP',
    ],
    [
      'fiction with edition',
      {
        ...english,
        title: 'Pillars',
        author: 'Ken Follet',
        edition: 6,
        year: 2007,
        language: 'fr',
      },
      'Ken.Follet.Pillars.6th.Edition.2007.FRENCH.RETAiL.eBOOK-GRP',
    ],
    [
      'technical prefers the publisher',
      {
        ...english,
        kind: 'technical',
        title: 'Books Tools & Computing',
        publisher: 'Wileys',
        author: 'Someone',
        year: 2008,
        language: 'de',
      },
      'Wileys.Books.Tools.and.Computing.2008.GERMAN.RETAiL.eBOOK-GRP',
    ],
    [
      'technical with a version',
      {
        ...english,
        kind: 'technical',
        title: 'PostgreSQL Manual',
        publisher: "O'Reilly",
        edition: 'v16.2',
      },
      'OReilly.PostgreSQL.Manual.v16.2.2010.RETAiL.eBOOK-GRP',
    ],
    [
      'technical falls back to the author',
      { ...english, kind: 'technical', title: 'Rust in Action', author: 'Tim McNamara' },
      'Tim.McNamara.Rust.in.Action.2010.RETAiL.eBOOK-GRP',
    ],
    [
      'magazine with an issue number',
      { ...english, kind: 'magazine', title: 'PC Magazine', issue: 3, year: 2008, language: 'fr' },
      'PC.Magazine.No.03.2008.FRENCH.RETAiL.MAGAZiNE.eBOOK-GRP',
    ],
    [
      'magazine with an issue label',
      {
        ...english,
        kind: 'magazine',
        title: 'PC Magazine',
        issue: 'NR03',
        year: 2008,
        language: 'fr',
      },
      'PC.Magazine.NR03.2008.FRENCH.RETAiL.MAGAZiNE.eBOOK-GRP',
    ],
    [
      'magazine with a month',
      {
        ...english,
        kind: 'magazine',
        title: 'Scootering',
        date: 'September',
        year: 2021,
        source: 'HYBRID',
      },
      'Scootering.September.2021.HYBRiD.MAGAZiNE.eBOOK-GRP',
    ],
    [
      'magazine EPUB',
      { ...english, kind: 'magazine', title: 'EDGE', issue: 314, year: 2018, format: 'EPUB' },
      'EDGE.No.314.2018.RETAiL.MAGAZiNE.ePUB.eBOOK-GRP',
    ],
    [
      'comic (rules example)',
      {
        ...english,
        kind: 'comic',
        title: 'Batman',
        volume: 23,
        issue: 22,
        date: 'Dec',
        year: 2007,
        language: 'sv',
        source: 'SCAN',
      },
      'Batman.Vol.23.No.22.Dec.2007.SWEDiSH.SCAN.COMiC.eBOOK-GRP',
    ],
    [
      'comic with only an issue',
      {
        ...english,
        kind: 'comic',
        title: 'Viper Comics - Ichabod Jones Monster Hunter',
        issue: 4,
        year: 2012,
        source: 'hybrid',
        format: 'CBZ',
      },
      'Viper.Comics.Ichabod.Jones.Monster.Hunter.No.04.2012.HYBRiD.COMiC.CBZ.eBOOK-GRP',
    ],
    [
      'manga',
      {
        ...english,
        kind: 'manga',
        title: 'One Piece',
        volume: 23,
        year: 2002,
        language: 'ja',
        source: 'SCAN',
      },
      'One.Piece.Vol.23.2002.JAPANESE.SCAN.MANGA.eBOOK-GRP',
    ],
    [
      'newspaper (rules example)',
      {
        ...english,
        kind: 'newspaper',
        title: 'Your Daily News',
        date: '23 December',
        year: 2012,
        language: 'it',
      },
      'Your.Daily.News.23.December.2012.iTALiAN.RETAiL.eBOOK-GRP',
    ],
    [
      'newspaper with a numeric date',
      {
        ...english,
        kind: 'newspaper',
        title: 'La Gazzetta Dello Sport',
        date: '09.28',
        year: 2021,
        language: 'ita',
      },
      'La.Gazzetta.Dello.Sport.09.28.2021.iTALiAN.RETAiL.eBOOK-GRP',
    ],
    [
      'xxx (rules example)',
      { ...english, kind: 'xxx', title: 'Nikky Cuffed Fuck Me', year: 2011 },
      'Nikky.Cuffed.Fuck.Me.2011.RETAiL.XXX.eBOOK-GRP',
    ],
    [
      'xxx with an author',
      { ...english, kind: 'xxx', title: 'Title', author: 'Some Body', year: 2011 },
      'Some.Body.Title.2011.RETAiL.XXX.eBOOK-GRP',
    ],
  ])('%s', (_label, input, expected) => {
    expect(buildEbookName(input, ebook).name).toBe(expected);
  });
});

describe('buildEbookName: sanitising', () => {
  it.each<[string, string, string]>([
    ['Ænima Ø', 'Tool', 'Tool.AEnima.O.2019.RETAiL.eBOOK-GRP'],
    ['Straße', 'Grass', 'Grass.Strasse.2019.RETAiL.eBOOK-GRP'],
    ["L'Étranger", 'Albert Camus', 'Albert.Camus.L.Etranger.2019.RETAiL.eBOOK-GRP'],
    ['C++ Primer (5th Ed.)', 'Lippman', 'Lippman.C.Primer.5th.Ed.2019.RETAiL.eBOOK-GRP'],
    ['Über_Alles--Now', 'X Y', 'X.Y.Uber_Alles-Now.2019.RETAiL.eBOOK-GRP'],
    ['  Spaces   everywhere  ', '  A  ', 'A.Spaces.everywhere.2019.RETAiL.eBOOK-GRP'],
    ['Œdipe roi', 'Sophocle', 'Sophocle.OEdipe.roi.2019.RETAiL.eBOOK-GRP'],
    ['Война и мир', 'Лев Толстой', 'Lev.Tolstoy.Voyna.i.mir.2019.RETAiL.eBOOK-GRP'],
    ['Hello, World!', 'Dev', 'Dev.Hello.World.2019.RETAiL.eBOOK-GRP'],
    ['100% Pure', 'Maker', 'Maker.100.Pure.2019.RETAiL.eBOOK-GRP'],
  ])('%s by %s', (title, author, expected) => {
    const input = { title, author, year: 2019, source: 'retail', format: 'pdf', group: 'GRP' };
    expect(buildEbookName(input, ebook).name).toBe(expected);
  });
});

describe('buildEbookName: refusals', () => {
  it.each<[string, Partial<EbookNameInput>, ErrorCode]>([
    ['empty title', { title: '' }, 'release.title_required'],
    ['title of symbols only', { title: '¿¡!?' }, 'release.title_required'],
    ['title in an untransliterated script', { title: '日本語' }, 'release.title_required'],
    ['no year', { year: null }, 'release.year_required'],
    ['undefined year', { year: undefined }, 'release.year_required'],
    ['year 0000', { year: '0000' }, 'release.year_required'],
    ['year 1899', { year: 1899 }, 'release.year_required'],
    ['year 2100', { year: 2100 }, 'release.year_required'],
    ['year as a date', { year: '2019-05-02' }, 'release.year_required'],
    ['group with a hyphen', { group: 'MY-GRP' }, 'release.group_invalid'],
    ['group of one character', { group: 'A' }, 'release.group_invalid'],
    ['group of 33 characters', { group: 'A'.repeat(33) }, 'release.group_invalid'],
    ['group with a dot', { group: 'MY.GRP' }, 'release.group_invalid'],
    ['empty group', { group: '' }, 'release.group_invalid'],
    ['unknown source', { source: 'WEB' }, 'release.invalid_name'],
    ['unknown language', { language: 'xx' }, 'release.invalid_name'],
    ['unknown extra tag', { extraTags: ['REMUX'] }, 'release.invalid_name'],
    ['no author nor publisher', { author: '', publisher: null }, 'release.invalid_name'],
    ['SCAN in EPUB', { source: 'SCAN', format: 'EPUB' }, 'release.format_not_allowed'],
    ['DOCX without the non-scene flag', { format: 'DOCX' }, 'release.format_not_allowed'],
    ['an unknown format', { format: 'DJVU' }, 'release.format_not_allowed'],
  ])('%s', (_label, change, code) => {
    expect(errorCodeOf(() => buildEbookName({ ...base, ...change }, ebook))).toBe(code);
  });

  it.each<[string, EbookNameInput]>([
    ['magazine without issue or date', { ...base, kind: 'magazine' }],
    ['comic without volume or issue', { ...base, kind: 'comic' }],
    ['newspaper without a date', { ...base, kind: 'newspaper' }],
  ])('%s', (_label, input) => {
    expect(errorCodeOf(() => buildEbookName(input, ebook))).toBe('release.invalid_name');
  });
});

describe('buildEbookName: length', () => {
  it('shortens the title first, keeps every tag and returns the full title', () => {
    const title = Array.from({ length: 60 }, (_, i) => `Word${i}`).join(' ');
    const built = buildEbookName({ ...base, title, extraTags: ['READNFO'] }, ebook);
    expect(built.name.length).toBeLessThanOrEqual(243);
    expect(built.name).toMatch(/^Emile\.Dupont\.Word0\.Word1\./);
    expect(built.name).toMatch(/\.2019\.FRENCH\.RETAiL\.READNFO\.ePUB\.eBOOK-MYGRP$/);
    expect(built.titleShortened).toBe(true);
    expect(built.fullTitle).toBe(title);
    expect(built.name).not.toMatch(/\.\./);
  });

  it('cuts a single huge word, then the creator, and never leaves a trailing dot', () => {
    const built = buildEbookName(
      { ...base, title: 'X'.repeat(300), author: 'Y'.repeat(300) },
      ebook,
    );
    expect(built.name.length).toBeLessThanOrEqual(243);
    expect(built.name).toMatch(/^Y+\.X\.2019\./);
  });

  it('keeps a short title whole', () => {
    const built = buildEbookName(base, ebook);
    expect(built.titleShortened).toBe(false);
    expect(built.fullTitle).toBe('Le Château de Verre');
  });
});

describe('buildDocsName', () => {
  it('uses technical-literature naming for a PDF manual', () => {
    const built = buildDocsName(
      {
        title: 'Installation Guide',
        publisher: 'ACME Corp',
        edition: 'v2',
        year: 2023,
        source: 'RETAIL',
        format: 'PDF',
        group: 'DOCGRP',
      },
      ebook,
    );
    expect(built.name).toBe('ACME.Corp.Installation.Guide.v2.2023.RETAiL.eBOOK-DOCGRP');
  });

  it('labels a DOCX as a non-scene iNTERNAL release only when allowed', () => {
    const input = {
      title: 'Notes',
      author: 'Me Myself',
      year: 2023,
      source: 'HYBRID',
      format: 'DOCX',
      group: 'DOCGRP',
    };
    expect(errorCodeOf(() => buildDocsName(input, ebook))).toBe('release.format_not_allowed');
    const built = buildDocsName({ ...input, allowNonSceneFormat: true }, ebook);
    expect(built.name).toBe('Me.Myself.Notes.2023.HYBRiD.iNTERNAL.DOCX.eBOOK-DOCGRP');
  });
});

function errorCodeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return isAppError(error) ? error.code : `not an AppError: ${String(error)}`;
  }
  return 'no error';
}
