import { describe, expect, it } from 'vitest';
import { toNameComponent } from '../../../../src/core/release-name/components.js';
import { transliterate } from '../../../../src/core/release-name/transliterate.js';

describe('transliterate', () => {
  it.each([
    ['Émile', 'Emile'],
    ['Château', 'Chateau'],
    ['Ænima Ø', 'AEnima O'],
    ['Straße', 'Strasse'],
    ['Œuvre', 'OEuvre'],
    ['Łódź', 'Lodz'],
    ['Þór', 'THor'],
    ['Ærø', 'AEro'],
    ['Ñandú', 'Nandu'],
    ['ﬁne', 'fine'],
    ['Война', 'Voyna'],
    ['Αθήνα', 'Athina'],
    ['“Quoted” – dash', '"Quoted" - dash'],
  ])('%s → %s', (input, expected) => {
    expect(transliterate(input)).toBe(expected);
  });

  it('leaves nothing outside ASCII for Latin, Cyrillic and Greek text', () => {
    const text = 'Ça ÿ Ğğ Şş Ĳ ĳ Ŀl Ħ ß Ž Ő ű Ё Щ Ωμέγα';
    expect(transliterate(text)).toMatch(/^[\x20-\x7e]*$/);
  });
});

describe('toNameComponent', () => {
  it.each([
    ['Le Château de Verre', 'Le.Chateau.de.Verre'],
    ['Émile Dupont', 'Emile.Dupont'],
    ["L'Étranger", 'L.Etranger'],
    ["Grey's Anatomy", 'Greys.Anatomy'],
    ["Don't Look Up", 'Dont.Look.Up'],
    ['C++ Primer (5th Ed.)', 'C.Primer.5th.Ed'],
    ['Über_Alles--Now', 'Uber_Alles-Now'],
    ['M*A*S*H', 'M.A.S.H'],
    ['Law & Order', 'Law.and.Order'],
    ["O'Brien's Pub", 'OBriens.Pub'],
    ['  ...Leading and trailing...  ', 'Leading.and.trailing'],
    ['Spider-Man: No Way Home', 'Spider-Man.No.Way.Home'],
    ['Part 1 - The Beginning', 'Part.1.The.Beginning'],
    ['J.R.R. Tolkien', 'J.R.R.Tolkien'],
    ['Ænima Ø', 'AEnima.O'],
    ['Straße der Besten', 'Strasse.der.Besten'],
    ['a__b', 'a_b'],
    ['a._b', 'a.b'],
    ['日本語', ''],
  ])('%s → %s', (input, expected) => {
    expect(toNameComponent(input)).toBe(expected);
  });
});
