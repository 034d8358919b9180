import type { LocalizedText, TemplateItem } from './report-template.types';

/**
 * Small readers for untrusted template data. Each one throws a `TemplateError` whose message
 * names the file, the key path (`columns[3].key`) and what is wrong with it.
 */
export class TemplateError extends Error {
  constructor(
    readonly fileName: string,
    readonly keyPath: string,
    reason: string,
  ) {
    super(`${fileName}: ${keyPath ? `${keyPath} ` : ''}${reason}`);
    this.name = 'TemplateError';
  }
}

export type Fail = (keyPath: string, reason: string) => never;

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

export function readObject(value: unknown, path: string, fail: Fail): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(path, `must be a mapping, found ${describeValue(value)}`);
  }
  return value as Record<string, unknown>;
}

export function rejectUnknownKeys(
  obj: Record<string, unknown>,
  path: string,
  known: readonly string[],
  fail: Fail,
): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) {
      fail(path ? `${path}.${key}` : key, `is not a known key (known: ${known.join(', ')})`);
    }
  }
}

export function readText(value: unknown, path: string, fail: Fail): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(path, `must be a non-empty text, found ${describeValue(value)}`);
  }
  return value as string;
}

export function readOneOf<T extends string>(
  value: unknown,
  path: string,
  known: readonly T[],
  noun: string,
  fail: Fail,
): T {
  if (typeof value !== 'string' || !known.includes(value as T)) {
    const shown = typeof value === 'string' ? `"${value}"` : describeValue(value);
    fail(path, `${shown} is not a known ${noun} (known: ${known.join(', ')})`);
  }
  return value as T;
}

export function readLocalized(value: unknown, path: string, fail: Fail): LocalizedText {
  const obj = readObject(value, path, fail);
  rejectUnknownKeys(obj, path, ['sl', 'en'], fail);
  return { sl: readText(obj.sl, `${path}.sl`, fail), en: readText(obj.en, `${path}.en`, fail) };
}

/** A list of keys, each written as `naziv` or as `{ key: naziv, label: { sl, en } }`. */
export function readItems<K extends string>(
  value: unknown,
  path: string,
  known: readonly K[],
  noun: string,
  fail: Fail,
): TemplateItem<K>[] {
  if (!Array.isArray(value) || value.length === 0) {
    fail(path, `must be a non-empty list, found ${describeValue(value)}`);
  }
  const items = (value as unknown[]).map((raw, index): TemplateItem<K> => {
    const itemPath = `${path}[${index}]`;
    if (typeof raw === 'string') return { key: readOneOf(raw, itemPath, known, noun, fail), label: null };
    const obj = readObject(raw, itemPath, fail);
    rejectUnknownKeys(obj, itemPath, ['key', 'label'], fail);
    const key = readOneOf(obj.key, `${itemPath}.key`, known, noun, fail);
    const label = obj.label === undefined ? null : readLocalized(obj.label, `${itemPath}.label`, fail);
    return { key, label };
  });
  items.forEach((item, index) => {
    if (items.findIndex((other) => other.key === item.key) !== index) {
      fail(`${path}[${index}]`, `"${item.key}" appears more than once`);
    }
  });
  return items;
}
