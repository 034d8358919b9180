/** `items` in at most `parts` runs of consecutive items, their lengths differing by at most one. */
export function splitEvenly<T>(items: readonly T[], parts: number): T[][] {
  const count = Math.max(0, Math.min(items.length, Math.floor(parts)));
  return Array.from({ length: count }, (_, i) => items.slice(Math.floor((i * items.length) / count), Math.floor(((i + 1) * items.length) / count)));
}
