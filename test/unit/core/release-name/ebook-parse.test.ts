import { describe, expect, it } from 'vitest';
import { parseEbookName, type EbookNameFields } from '../../../../src/core/release-name/index.js';

describe('parseEbookName', () => {
  it.each<[string, Partial<EbookNameFields>]>([
    [
      'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.ePUB.eBOOK-MYGRP',
      {
        head: 'Emile.Dupont.Le.Chateau.de.Verre',
        year: 2019,
        language: 'FRENCH',
        source: 'RETAiL',
        format: 'ePUB',
        marker: 'eBOOK',
        group: 'MYGRP',
      },
    ],
    [
      'J.R.R.Tolkien.The.Lord.of.The.Rings.2010.RETAiL.eBOOK-GRP',
      { head: 'J.R.R.Tolkien.The.Lord.of.The.Rings', year: 2010, language: null, format: null },
    ],
    ['J.R.R.Tolkien.The.Lord.of.The.Rings.1955.SCAN.eBOOK-GRP', { year: 1955, source: 'SCAN' }],
    [
      'Ken.Follet.Pillars.6th.Edition.2007.FRENCH.RETAiL.eBOOk-GRP',
      { head: 'Ken.Follet.Pillars.6th.Edition', marker: 'eBOOk' },
    ],
    [
      'Himmel.Over.London.2010.SWEDiSH.RETAiL.ePUB.eBOOK-COOLGROUPTAG',
      { language: 'SWEDiSH', format: 'ePUB', group: 'COOLGROUPTAG' },
    ],
    [
      'Wileys.Books.Tools.and.Computing.2008.GERMAN.RETAiL.eBOOk-GRP',
      { head: 'Wileys.Books.Tools.and.Computing', language: 'GERMAN' },
    ],
    [
      'PC.Magazine.NR03.2008.FRENCH.RETAiL.MAGAZiNE.eBOOk-GRP',
      { head: 'PC.Magazine.NR03', typeTag: 'MAGAZiNE' },
    ],
    [
      'EDGE.No.314.2018.HYBRiD.MAGAZiNE.eBook-PAPERCLiPS',
      {
        head: 'EDGE.No.314',
        source: 'HYBRiD',
        typeTag: 'MAGAZiNE',
        marker: 'eBook',
        group: 'PAPERCLiPS',
      },
    ],
    ['Prog.N119.2021.RETAiL.MAGAZiNE.eBook-PRiNTER', { head: 'Prog.N119', year: 2021 }],
    [
      'Scootering.September.2021.HYBRiD.MAGAZiNE.eBook-PAPERCLiPS',
      { head: 'Scootering.September' },
    ],
    [
      'Batman.Vol.23.No.22.Dec.2007.SWEDiSH.SCAN.COMiC.eBOOk-COOLGRP',
      { head: 'Batman.Vol.23.No.22.Dec', typeTag: 'COMiC', language: 'SWEDiSH' },
    ],
    [
      'IDW.-.Machete.No.0.2010.Hybrid.Comic.eBook-BitBook',
      { head: 'IDW.-.Machete.No.0', source: 'Hybrid', typeTag: 'Comic', group: 'BitBook' },
    ],
    [
      'Viper.Comics.-.Ichabod.Jones.Monster.Hunter.No.04.2012.Hybrid.Comic.eBook-BitBook',
      { head: 'Viper.Comics.-.Ichabod.Jones.Monster.Hunter.No.04', year: 2012 },
    ],
    [
      'Your.Daily.News.23.December.2012.iTALiAN.RETAiL.eBOOK-GRP',
      { head: 'Your.Daily.News.23.December', language: 'iTALiAN' },
    ],
    [
      'La.Gazzetta.Dello.Sport.09.28.2021.iTALiAN.RETAiL.eBook-DiVER',
      { head: 'La.Gazzetta.Dello.Sport.09.28', year: 2021 },
    ],
    ['Nikky.Cuffed.Fuck.Me.2011.RETAiL.XXX.eBOOK-GRP', { typeTag: 'XXX' }],
    [
      'Blade.Runner.2049.Novel.2017.RETAiL.eBOOK-GRP',
      { head: 'Blade.Runner.2049.Novel', year: 2017 },
    ],
    [
      'Some.Book.2019.RETAiL.iNTERNAL.READNFO.ePUB.eBOOK-GRP',
      { extraTags: ['iNTERNAL', 'READNFO'], format: 'ePUB' },
    ],
    ['Notes.2023.HYBRiD.iNTERNAL.DOCX.eBOOK-GRP', { format: 'DOCX', extraTags: ['iNTERNAL'] }],
    ['Some.Book.2019.RETAiL.REMUX.eBOOK-GRP', { unknownTags: ['REMUX'], source: 'RETAiL' }],
    [
      'One.Piece.Vol.23.JAPANESE.SCAN.MANGA.eBOOk-COOLGRP',
      { head: 'One.Piece.Vol.23', year: null, language: 'JAPANESE', typeTag: 'MANGA' },
    ],
    ['2019.RETAiL.eBOOK-GRP', { head: '2019', year: null, source: 'RETAiL' }],
    [
      'Cool.Magazine.No.1.2012.Ebook-CoolGRP',
      { head: 'Cool.Magazine.No.1', year: 2012, source: null, marker: 'Ebook' },
    ],
  ])('%s', (name, expected) => {
    const result = parseEbookName(name);
    expect(result.ok && result.value).toMatchObject(expected);
  });

  it.each<[string, RegExp]>([
    ['Some.Book.2019.RETAiL.eBOOK', /GROUP/],
    ['Some.Book.2019.RETAiL.PDF-GRP', /eBOOK/],
    ['Show.Name.S01E02.720p.HDTV.x264-GRP', /eBOOK/],
    ['eBOOK-GRP', /title/],
    ['Some.Book.2019.RETAiL.SCAN.eBOOK-GRP', /two source tags/],
    ['Some.Book.2019.FRENCH.GERMAN.RETAiL.eBOOK-GRP', /two language tags/],
  ])('refuses %s', (name, reason) => {
    const result = parseEbookName(name);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});
