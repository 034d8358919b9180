import { csvCell, neutraliseCell, toCsv } from './csv';

describe('csv', () => {
  it('neutralises every formula-starting character', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx'].map(neutraliseCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx"]);
  });

  it('leaves ordinary text and numbers alone', () => {
    expect(csvCell('Društvo NOVUS')).toBe('Društvo NOVUS');
    expect(csvCell(-3)).toBe('-3');
  });

  it('quotes separators and doubles quotes', () => {
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
  });

  it('writes a BOM, a header and CRLF lines', () => {
    expect(toCsv(['a', 'b'], [['=cmd|calc', 2]])).toBe("\uFEFFa,b\r\n'=cmd|calc,2\r\n");
  });
});
