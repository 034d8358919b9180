/**
 * User-facing text in the two languages the product speaks. Services and handlers write their
 * messages as `t('slovensko', 'English')`; the one exception filter renders them in the language
 * of the request (`Accept-Language`), Slovene by default. Logs and programming errors stay in
 * English and are plain strings.
 */
export const LANGS = ['sl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'sl';

export interface Text {
  readonly sl: string;
  readonly en: string;
}

/** A message or label, or a plain string that reads the same in every language (a code, a number). */
export type Message = string | Text;

export function t(sl: string, en: string): Text {
  return { sl, en };
}

export function isText(value: unknown): value is Text {
  return typeof value === 'object' && value !== null && typeof (value as Text).sl === 'string' && typeof (value as Text).en === 'string';
}

/** The message in `lang`; a plain string as it is. */
export function render(message: Message, lang: Lang = DEFAULT_LANG): string {
  return typeof message === 'string' ? message : message[lang];
}

/** Joins messages into one, in each language. */
export function join(messages: Message[], separator = '; '): Text {
  return { sl: messages.map((m) => render(m, 'sl')).join(separator), en: messages.map((m) => render(m, 'en')).join(separator) };
}

/**
 * The language of an `Accept-Language` header: the first of its languages (by q-value, then
 * order) that the product speaks; Slovene when none is given or none is spoken.
 */
export function langFromHeader(header: string | string[] | undefined): Lang {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const ranked = value
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { primary: tag.split('-')[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.primary && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const r of ranked) {
    if ((LANGS as readonly string[]).includes(r.primary)) return r.primary as Lang;
  }
  return DEFAULT_LANG;
}

/**
 * Renders every Text found in a JSON-able value (an error body) into one language, leaving all
 * other values as they are.
 */
export function renderDeep(value: unknown, lang: Lang): unknown {
  if (isText(value)) return value[lang];
  if (Array.isArray(value)) return value.map((v) => renderDeep(v, lang));
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderDeep(v, lang)]));
  }
  return value;
}
