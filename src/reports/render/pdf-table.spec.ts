import { unbreakablePieces } from './pdf-table';

describe('unbreakablePieces', () => {
  it('keeps "/" and "–" with the word before them, as line breaking does', () => {
    expect(unbreakablePieces('Type of indicator / Vrsta kazalnika')).toEqual(['Type ', 'of ', 'indicator / ', 'Vrsta ', 'kazalnika ']);
    expect(unbreakablePieces('ob izhodu – vsaj 25 %.')).toEqual(['ob ', 'izhodu – ', 'vsaj ', '25 %. ']);
  });

  it('does not split at a no-break space', () => {
    expect(unbreakablePieces('vsaj 40,32\u00A0%')).toEqual(['vsaj ', '40,32\u00A0% ']);
  });
});
