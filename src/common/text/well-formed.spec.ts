import { MalformedTextError, normaliseDeep, normaliseText, textProblem, truncateCodePoints } from './well-formed';

describe('the text rule', () => {
  it.each([
    ['a lone high surrogate', 'a\uD800b', 'lone surrogate'],
    ['a lone low surrogate', '\uDC00', 'lone surrogate'],
    ['a reversed pair', '\uDE00\uD83D', 'lone surrogate'],
    ['a NUL', 'a\u0000', 'NUL'],
  ])('finds %s', (_label, value, problem) => {
    expect(textProblem(value)).toBe(problem);
  });

  it.each([['emoji and flags', '👩‍👩‍👧 🇸🇮'], ['č/ć/đ', 'čćđ'], ['RTL marks', '\u200Fשלום\u200E'], ['empty', '']])('accepts %s', (_label, value) => {
    expect(textProblem(value)).toBeNull();
  });

  it('normalises to NFC: a decomposed č becomes one character', () => {
    expect(normaliseText('c\u030C', 'name')).toBe('\u010D');
  });

  it('refuses with the field named, for the importer to report a cell', () => {
    expect(() => normaliseText('x\uD800', 'B7')).toThrow(MalformedTextError);
    try {
      normaliseText('x\uD800', 'B7');
    } catch (error) {
      expect((error as MalformedTextError).errors).toEqual([{ field: 'B7', message: expect.objectContaining({ en: expect.stringContaining('B7') }) }]);
    }
  });

  it('walks a JSON value, keys included, naming every bad path at once', () => {
    const bad = { partners: [{ note: 'ok' }, { note: 'a\uD800' }], ['k\u0000']: 1 };
    try {
      normaliseDeep(bad, '');
      throw new Error('not refused');
    } catch (error) {
      expect((error as MalformedTextError).errors.map((e) => e.field)).toEqual(['partners[1].note', 'k\uFFFD']);
    }
  });

  it('answers every string of a JSON value in NFC and keeps other values', () => {
    expect(normaliseDeep({ ['e\u0301']: ['c\u030C', 1, null, true] }, '')).toEqual({ ['\u00E9']: ['\u010D', 1, null, true] });
  });

  it('truncates by code points, never leaving half a pair', () => {
    expect(truncateCodePoints('ab😀c', 3)).toBe('ab😀');
    expect(textProblem(truncateCodePoints('😀'.repeat(60), 51))).toBeNull();
  });
});
