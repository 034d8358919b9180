import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { AuditEntryContent, AuditEntryLike } from './audit.types';
import { AuditEntryRepository } from './audit-entry.repository';
import { AuditService } from './audit.service';
import { canonicalContent, CONTENT_FIELDS, verifyChain } from './hash-chain';
import { openTestDatabase, TestDatabase, testDatabaseKinds } from '../../test/support/test-databases';

/**
 * Chains written before the canonical form was rebuilt (one pass over the sorted fields instead of
 * a content object through the general canonicalJson) must still verify. The old code path is kept
 * here, verbatim, and only here: it builds the chains, the production code verifies them.
 */
function oldCanonicalJson(value: unknown): string {
  const out = oldWrite(value, new Set<object>(), '$');
  if (out === undefined) throw new TypeError('canonicalJson: the value itself is undefined');
  return out;
}

function oldWrite(input: unknown, ancestors: Set<object>, path: string): string | undefined {
  const value = oldHasToJson(input) ? input.toJSON() : input;
  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is ${value}, which JSON cannot carry`);
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return oldWriteObject(value, ancestors, path);
    default:
      throw new TypeError(`canonicalJson: ${path} is a ${typeof value}, which JSON cannot carry`);
  }
}

function oldWriteObject(value: object, ancestors: Set<object>, path: string): string {
  if (value instanceof Map || value instanceof Set) {
    throw new TypeError(`canonicalJson: ${path} is a ${value.constructor.name}; convert it to an object or array first`);
  }
  if (ancestors.has(value)) throw new TypeError(`canonicalJson: ${path} refers back to itself`);
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return `[${value.map((item, i) => oldWrite(item, ancestors, `${path}[${i}]`) ?? 'null').join(',')}]`;
    }
    const record = value as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const text = oldWrite(record[key], ancestors, `${path}.${key}`);
      if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}

function oldHasToJson(value: unknown): value is { toJSON(): unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

function oldContentOf(entry: AuditEntryContent): AuditEntryContent {
  const content: Record<string, unknown> = {};
  for (const field of CONTENT_FIELDS) content[field] = entry[field] ?? null;
  return content as unknown as AuditEntryContent;
}

function oldEntryHash(entry: AuditEntryContent): string {
  return createHash('sha256').update(`${entry.prevHash ?? ''}\n${oldCanonicalJson(oldContentOf(entry))}`, 'utf8').digest('hex');
}

/** Any text, Slovene letters, quotes, control characters and lone surrogates included. */
const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('Društvo NOVUS – čakalne vrste', '"\\\n\t\u0000', '\ud800', 'žŠĆđ €'));
/** Text a database column keeps as it is: well-formed, no NUL, within the shortest column's length. */
const storableText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('Društvo NOVUS – čakalne vrste', '"\\\n\t', 'žŠĆđ €')).filter((t) => !t.includes('\u0000'));
const content = contentOf(anyText);
const storableContent = contentOf(storableText);

function contentOf(text: fc.Arbitrary<string>) {
  const optionalText = fc.option(text, { nil: null });
  return fc.record({
  occurredAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  actorUserId: fc.option(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { nil: null }),
  actorUsername: text,
  actorRole: fc.constantFrom('admin', 'coordinator', 'project_manager', 'auditor', 'system'),
  action: fc.constantFrom('create', 'update', 'delete', 'correct', 'lock', 'unlock', 'submit'),
  entityType: text,
  entityId: text,
  projectId: fc.option(fc.integer({ min: -5, max: 2 ** 31 - 1 }), { nil: null }),
  before: optionalText,
  after: optionalText,
  reason: optionalText,
  reasonCategory: fc.option(fc.constantFrom('data_entry_error', 'late_evidence', 'funder_request', 'other'), { nil: null }),
  });
}

function oldChain(contents: Omit<AuditEntryContent, 'prevHash'>[]): AuditEntryLike[] {
  const entries: AuditEntryLike[] = [];
  for (const [i, c] of contents.entries()) {
    const entry: AuditEntryContent = { ...c, prevHash: entries.at(-1)?.hash ?? null };
    entries.push({ ...entry, id: i + 1, hash: oldEntryHash(entry) });
  }
  return entries;
}

describe('hash chain compatibility with the old canonical form', () => {
  it('writes the same canonical content as the old code, byte for byte', () => {
    fc.assert(
      fc.property(content, fc.option(fc.stringMatching(/^[0-9a-f]{64}$/), { nil: null }), (c, prevHash) => {
        const entry = { ...c, prevHash };
        expect(canonicalContent(entry)).toBe(oldCanonicalJson(oldContentOf(entry)));
      }),
      { numRuns: 2000 },
    );
  });

  it('verifies chains built by the old code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(content, { minLength: 1, maxLength: 30 }), async (contents) => {
        const chain = oldChain(contents);
        await expect(verifyChain(chain)).resolves.toEqual({ ok: true, entries: chain.length });
      }),
      { numRuns: 200 },
    );
  });

  it('still finds an entry edited after the old code hashed it', async () => {
    const chain = oldChain(fc.sample(content, { numRuns: 10, seed: 42 }));
    chain[6] = { ...chain[6], reason: `${chain[6].reason ?? ''}x` };
    await expect(verifyChain(chain)).resolves.toEqual({ ok: false, entries: 7, firstBrokenEntry: { id: 7, reason: 'hash mismatch' } });
  });
});

/** The same, through the database: an old chain as stored rows, verified by AuditService in raw keyset pages. */
for (const { kind, run, label } of testDatabaseKinds()) {
  (run ? describe : describe.skip)(`verify of an old chain stored in the database [${label}]`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openTestDatabase(kind);
    });
    afterAll(() => db.drop());

    it('verifies 2,500 entries written by the old code, across pages', async () => {
      const chain = oldChain(fc.sample(storableContent, { numRuns: 2500, seed: 7 }));
      for (let i = 0; i < chain.length; i += 200) {
        await db.dataSource.createQueryBuilder().insert().into('audit_entry').values(chain.slice(i, i + 200).map(({ id: _id, ...row }) => row)).execute();
      }
      const service = new AuditService(new AuditEntryRepository(db.dataSource));
      await expect(service.verify(300)).resolves.toEqual({ ok: true, entries: 2500 });
    });
  });
}
