import { join, langFromHeader, render, renderDeep, t } from './text';

describe('i18n text', () => {
  it('renders Slovene by default and English on request', () => {
    const m = t('Vrednost manjka', 'The value is missing');
    expect(render(m)).toBe('Vrednost manjka');
    expect(render(m, 'en')).toBe('The value is missing');
    expect(render('AS-1', 'en')).toBe('AS-1');
  });

  it.each([
    [undefined, 'sl'],
    ['', 'sl'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE, en;q=0.5', 'en'],
    ['de-DE', 'sl'],
    ['sl-SI,sl;q=0.9,en;q=0.8', 'sl'],
    ['en;q=0.3, sl;q=0.7', 'sl'],
    ['en;q=0', 'sl'],
  ])('reads Accept-Language %p as %p', (header, lang) => {
    expect(langFromHeader(header)).toBe(lang);
  });

  it('renders texts nested in an error body and joins messages', () => {
    const body = { message: t('a', 'b'), errors: [{ field: 'value', message: t('c', 'd') }], statusCode: 400 };
    expect(renderDeep(body, 'en')).toEqual({ message: 'b', errors: [{ field: 'value', message: 'd' }], statusCode: 400 });
    expect(join([t('x', 'y'), 'z'])).toEqual({ sl: 'x; z', en: 'y; z' });
  });
});
