/**
 * Canonical JSON: one exact text for one value, so that a hash over it does not depend on the
 * order in which keys were assigned or on formatting.
 *
 * - object keys sorted recursively by UTF-16 code units (plain `Array.prototype.sort`, never
 *   `localeCompare`, whose result depends on the ICU build);
 * - no whitespace;
 * - object properties whose value is `undefined` are dropped (as JSON.stringify does); `null` is kept;
 *   `undefined` inside an array becomes `null` (as JSON.stringify does);
 * - a value with `toJSON()` (Date, Decimal from decimal.js) is replaced by its result first;
 * - strings and finite numbers are written as JSON.stringify writes them (ECMAScript defines both
 *   exactly, so the text is the same on every engine). Decimals are strings in this code base,
 *   so no float formatting decides a figure.
 *
 * Values JSON cannot carry without loss are refused with an error instead of being silently
 * changed: NaN and ±Infinity (JSON.stringify writes `null`), bigint, functions, symbols, Map, Set
 * (JSON.stringify writes `{}`) and cycles.
 */
export function canonicalJson(value: unknown): string {
  const out = write(value, new Set<object>(), '$', null);
  if (out === undefined) throw new TypeError('canonicalJson: the value itself is undefined');
  return out;
}

/**
 * The text of `input`, found at `parent` + `key` (the path is only put together for an error or a
 * nested object, not for each of the many scalar fields the audit writes).
 */
function write(input: unknown, ancestors: Set<object>, parent: string, key: string | number | null): string | undefined {
  const value = hasToJson(input) ? input.toJSON() : input;
  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${pathOf(parent, key)} is ${value}, which JSON cannot carry`);
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return writeObject(value, ancestors, pathOf(parent, key));
    default:
      throw new TypeError(`canonicalJson: ${pathOf(parent, key)} is a ${typeof value}, which JSON cannot carry`);
  }
}

function pathOf(parent: string, key: string | number | null): string {
  return key === null ? parent : typeof key === 'number' ? `${parent}[${key}]` : `${parent}.${key}`;
}

function writeObject(value: object, ancestors: Set<object>, path: string): string {
  if (value instanceof Map || value instanceof Set) {
    throw new TypeError(`canonicalJson: ${path} is a ${value.constructor.name}; convert it to an object or array first`);
  }
  if (ancestors.has(value)) throw new TypeError(`canonicalJson: ${path} refers back to itself`);
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return `[${value.map((item, i) => write(item, ancestors, path, i) ?? 'null').join(',')}]`;
    }
    const record = value as Record<string, unknown>;
    let out = '';
    for (const key of Object.keys(record).sort()) {
      const text = write(record[key], ancestors, path, key);
      if (text !== undefined) out += `${out === '' ? '' : ','}${JSON.stringify(key)}:${text}`;
    }
    return `{${out}}`;
  } finally {
    ancestors.delete(value);
  }
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
