import { DomainError, FieldError } from '../errors';
import { t, Text } from '../i18n/text';

/**
 * The one rule for text that enters Kazalnik, wherever it comes from (a JSON body, a query, a
 * path, a stored header value, a cell of an imported workbook):
 *
 * - it must be well-formed Unicode: a lone surrogate cannot be stored as it is (SQLite and
 *   PostgreSQL keep UTF-8, which has no encoding for it, and would store U+FFFD instead), and a
 *   NUL is refused by PostgreSQL's text columns; either is refused, naming the field;
 * - it is normalised to NFC once, here, so that "č" typed as c + combining caron and "č" typed as
 *   one character are the same stored text, and the audit hash covers exactly what is stored.
 */
export type TextProblem = 'lone surrogate' | 'NUL';

/** In a `u` regular expression a surrogate pair is one code point, so this matches lone halves only. */
const LONE_SURROGATE = /\p{Cs}/u;

/** What is wrong with `value`, or null when it is well-formed text. */
export function textProblem(value: string): TextProblem | null {
  if (LONE_SURROGATE.test(value)) return 'lone surrogate';
  if (value.includes('\u0000')) return 'NUL';
  return null;
}

export function textProblemMessage(field: string, problem: TextProblem): Text {
  return problem === 'NUL'
    ? t(`${field} vsebuje znak NUL, ki ni dovoljen v besedilu`, `${field} contains a NUL character, which text may not hold`)
    : t(`${field} ni veljavno besedilo Unicode (osamljen nadomestni znak)`, `${field} is not well-formed Unicode text (a lone surrogate)`);
}

/** Text that breaks the rule; answers 400 with the field, like any other invalid input. */
export class MalformedTextError extends DomainError {
  readonly status = 400;
  constructor(readonly errors: FieldError[]) {
    super(
      t(`Neveljavno besedilo: ${errors.map((e) => e.field).join(', ')}`, `Invalid text: ${errors.map((e) => e.field).join(', ')}`),
      { errors },
    );
  }
}

/** Refuses text that is not well-formed (see above), naming `field`. */
export function assertWellFormedText(value: string, field: string): void {
  const problem = textProblem(value);
  if (problem) throw new MalformedTextError([{ field, message: textProblemMessage(field, problem) }]);
}

/** `value` as it is stored: checked, then in NFC. What the Excel importer calls for each cell. */
export function normaliseText(value: string, field: string): string {
  assertWellFormedText(value, field);
  return value.normalize('NFC');
}

/**
 * Every string in a JSON value, keys included, checked and in NFC; other values as they are.
 * `path` names the value (`''` for a whole body): errors name `partners[0].note`.
 */
export function normaliseDeep(value: unknown, path: string): unknown {
  const errors: FieldError[] = [];
  const result = walk(value, path, errors, 0);
  if (errors.length > 0) throw new MalformedTextError(errors);
  return result;
}

/** Deeper than this the body-parser's depth limit has already refused it; this guards other callers. */
const MAX_DEPTH = 64;

function walk(value: unknown, path: string, errors: FieldError[], depth: number): unknown {
  if (typeof value === 'string') return checked(value, path || 'body', errors);
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item, i) => walk(item, `${path}[${i}]`, errors, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [rawKey, item] of Object.entries(value)) {
    const keyPath = path ? `${path}.${displayKey(rawKey)}` : displayKey(rawKey);
    const key = checked(rawKey, keyPath, errors);
    out[key] = walk(item, keyPath, errors, depth + 1);
  }
  return out;
}

function checked(value: string, field: string, errors: FieldError[]): string {
  const problem = textProblem(value);
  if (!problem) return value.normalize('NFC');
  errors.push({ field, message: textProblemMessage(field, problem) });
  return value;
}

/** A key as it can be shown in a field path even when it is itself malformed. */
function displayKey(key: string): string {
  return key.replace(/\p{Cs}/gu, '\uFFFD').replace(/\u0000/g, '\uFFFD');
}

/** The first `max` code points of `value`: never cuts a surrogate pair in half. */
export function truncateCodePoints(value: string, max: number): string {
  if (value.length <= max) return value;
  return Array.from(value).slice(0, max).join('');
}
