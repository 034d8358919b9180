/**
 * The deepest nesting of objects and arrays a JSON body may have. Kazalnik's deepest payload is a
 * handful of levels; a body nested thousands deep would exhaust the stack of every recursive walk
 * after the parser (validation, transformation), so it is refused before it is parsed.
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * Whether the raw JSON text nests objects and arrays deeper than `max`. One pass over the bytes,
 * no parsing and no recursion; brackets inside strings do not count. Malformed text is left to
 * the parser, which refuses it with its own answer.
 */
export function jsonNestsDeeperThan(raw: Buffer | string, max: number): boolean {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) {
      inString = true;
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/** body-parser's `verify` hook: refuses a too deep body with 400 before JSON.parse sees it. */
export function verifyJsonDepth(_req: unknown, _res: unknown, raw: Buffer): void {
  if (jsonNestsDeeperThan(raw, MAX_JSON_DEPTH)) {
    throw Object.assign(new Error(`The JSON body nests deeper than ${MAX_JSON_DEPTH} levels`), { status: 400, type: 'entity.too.deep' });
  }
}
