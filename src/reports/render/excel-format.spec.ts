import { sheetName, xlsxNumFmt, xlsxValue } from './excel-format';

describe('sheetName', () => {
  it('replaces the characters Excel forbids', () => {
    expect(sheetName('Kazalniki / Indicators: [2020]?', new Set())).toBe('Kazalniki - Indicators- -2020--');
  });

  it('cuts at a word boundary within 31 characters', () => {
    expect(sheetName('Predvidene in dosežene vrednosti', new Set())).toBe('Predvidene in dosežene');
  });

  it('numbers a repeated name, case-insensitively', () => {
    const taken = new Set<string>();
    expect(sheetName('Kazalniki', taken)).toBe('Kazalniki');
    expect(sheetName('KAZALNIKI', taken)).toBe('KAZALNIKI (2)');
  });

  it('never returns an empty name or edge apostrophes', () => {
    expect(sheetName("''", new Set())).toBe('List');
  });
});

describe('cell values and formats', () => {
  it('stores a date cell as its Date and formats it the Slovene way', () => {
    const date = new Date(Date.UTC(2019, 8, 23));
    const cell = { text: '23. 9. 2019', number: null, format: 'date' as const, date };
    expect(xlsxValue(cell)).toBe(date);
    expect(xlsxNumFmt(cell, 'sl')).toBe('d. m. yyyy');
    expect(xlsxNumFmt(cell, 'en')).toBe('d mmm yyyy');
  });

  it('formats EUR with the symbol where each language puts it', () => {
    const cell = { text: '382.188,56 €', number: 382188.56, format: 'eur' as const };
    expect(xlsxNumFmt(cell, 'sl')).toBe('#,##0.00 "€"');
    expect(xlsxNumFmt(cell, 'en')).toBe('"€"#,##0.00');
  });

  it('writes a dash cell as text without a number format', () => {
    const cell = { text: '–', number: null, format: 'text' as const };
    expect(xlsxValue(cell)).toBe('–');
    expect(xlsxNumFmt(cell, 'sl')).toBeUndefined();
  });
});
