import { createHash } from 'node:crypto';
import type { AuditEntryContent, AuditEntryLike, ChainBreakReason, VerifyResult } from './audit.types';
import { canonicalJson } from './canonical-json';

export { canonicalJson } from './canonical-json';

/**
 * The audit trail is a hash chain. Scheme (version 1; changing it breaks every stored chain):
 *
 *   content   = the entry's fields except `id` and `hash`, exactly the names in CONTENT_FIELDS,
 *               with `undefined` read as `null` (so a missing field and a NULL column agree).
 *               `before` / `after` are the stored canonical JSON *text*, hashed as strings, so
 *               verification never re-parses them.
 *   canonical = canonicalJson(content)                        (see canonical-json.ts)
 *   hash      = lowercase hex SHA-256 of the UTF-8 bytes of  (prevHash ?? '') + '\n' + canonical
 *
 * Note the parentheses: `prevHash ?? '' + '\n' + canonical` would parse as
 * `prevHash ?? ('\n' + canonical)` and, once a chain existed, hash the previous hash alone.
 * `prevHash` is also inside `content`; the prefix keeps the link visible in the hashed bytes.
 *
 * `id` is left out so that a restored backup or a copy into another database with other ids
 * still verifies; order is carried by `prevHash`. A removed entry shows as a broken link at the
 * entry after it; an edited one as a hash mismatch at itself. What a chain alone cannot show is
 * a removed *tail* or a whole rewritten chain: for that the head hash must be kept elsewhere
 * (in an exported report, a signed e-mail).
 *
 * To add a hashed field later, hash it only when it is not null, so older entries still verify.
 */
export const CONTENT_FIELDS = [
  'occurredAt',
  'actorUserId',
  'actorUsername',
  'actorRole',
  'action',
  'entityType',
  'entityId',
  'projectId',
  'before',
  'after',
  'reason',
  'reasonCategory',
  'prevHash',
] as const satisfies readonly (keyof AuditEntryContent)[];

/** Fields added after version 1: hashed only when not null, so older entries verify unchanged. */
export const OPTIONAL_CONTENT_FIELDS = ['batchId'] as const satisfies readonly (keyof AuditEntryContent)[];

/** The hashed fields of `entry` and nothing else (an entity or a raw row may carry more). */
export function contentOf(entry: AuditEntryContent): AuditEntryContent {
  const content: Record<string, unknown> = {};
  for (const field of CONTENT_FIELDS) content[field] = entry[field] ?? null;
  for (const field of OPTIONAL_CONTENT_FIELDS) if (entry[field] != null) content[field] = entry[field];
  return content as unknown as AuditEntryContent;
}

/**
 * The content fields in canonical (sorted) order, each with its `"name":` prefix written once.
 * canonicalJson of the content is then one pass over thirteen fields: no object is built, no keys
 * are sorted and no prefix is quoted per entry. Pinned against canonicalJson by the tests.
 */
const SORTED_FIELDS = [...CONTENT_FIELDS, ...OPTIONAL_CONTENT_FIELDS].sort().map((field, i) => ({
  field,
  optional: (OPTIONAL_CONTENT_FIELDS as readonly string[]).includes(field),
  prefix: `${i === 0 ? '{' : ','}${JSON.stringify(field)}:`,
}));
if (SORTED_FIELDS[0].optional) throw new Error('hash-chain: the first field in canonical order must be a required one');

/** canonicalJson(contentOf(entry)), without the intermediate object. */
export function canonicalContent(entry: AuditEntryContent): string {
  let out = '';
  for (const { field, optional, prefix } of SORTED_FIELDS) {
    const value: unknown = entry[field] ?? null;
    if (optional && value === null) continue;
    // Stored content is strings, integers and nulls; anything else takes the general path.
    const text =
      value === null ? 'null' : typeof value === 'string' ? JSON.stringify(value) : typeof value === 'number' && Number.isFinite(value) ? String(value) : canonicalJson(value);
    out += prefix + text;
  }
  return `${out}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function entryHash(entry: AuditEntryContent): string {
  return sha256Hex(`${entry.prevHash ?? ''}\n${canonicalContent(entry)}`);
}

/**
 * Checks a chain read in id order. Streaming: it keeps only the previous entry's hash, so memory
 * does not grow with the trail. Stops at the first broken entry.
 *
 * - 'broken link': the entry's prevHash is not the hash of the entry read before it (or, for the
 *   first entry, is not null): an entry before it was removed or the order was changed;
 * - 'hash mismatch': the entry's stored hash is not the hash of its content: it was edited.
 */
export async function verifyChain(entries: AsyncIterable<AuditEntryLike> | Iterable<AuditEntryLike>): Promise<VerifyResult> {
  let previousHash: string | null = null;
  let count = 0;
  for await (const entry of entries) {
    count += 1;
    let reason: ChainBreakReason | null = null;
    if ((entry.prevHash ?? null) !== previousHash) reason = 'broken link';
    else if (entryHash(entry) !== entry.hash) reason = 'hash mismatch';
    if (reason) return { ok: false, entries: count, firstBrokenEntry: { id: entry.id, reason } };
    previousHash = entry.hash;
  }
  return { ok: true, entries: count };
}
