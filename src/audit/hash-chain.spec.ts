import type { AuditEntryLike } from './audit.types';
import { canonicalContent, entryHash, verifyChain } from './hash-chain';
import { chainOf, entryContent } from '../../test/support/factories/audit-change.factory';

async function* streamed(entries: AuditEntryLike[]): AsyncGenerator<AuditEntryLike> {
  for (const entry of entries) yield entry;
}

describe('entry hash', () => {
  it('hashes the canonical content of the entry, keys sorted, prevHash included', () => {
    expect(canonicalContent(entryContent())).toBe(
      '{"action":"correct","actorRole":"coordinator","actorUserId":7,"actorUsername":"mojca.koordinatorka",' +
        '"after":"{\\"value\\":\\"125\\"}","before":"{\\"value\\":\\"120\\"}","entityId":"42","entityType":"achieved_value",' +
        '"occurredAt":"2025-01-15T09:30:00.000Z","prevHash":null,"projectId":3,"reason":"Naknadno prejete liste prisotnosti",' +
        '"reasonCategory":"late_evidence"}',
    );
  });

  it('is sha256hex of prevHash (empty for the first entry), a newline and the canonical content (pinned)', () => {
    // Computed once with `printf '\n%s' '<canonical>' | sha256sum`: a change here breaks every stored chain.
    expect(entryHash(entryContent())).toBe('d87c16ae1437cfed17c7ef948961d13a2f07d61c0ff700a3028dfe112a9e5f04');
  });

  it('changes when the previous hash changes', () => {
    expect(entryHash(entryContent({ prevHash: 'a'.repeat(64) }))).not.toBe(entryHash(entryContent({ prevHash: 'b'.repeat(64) })));
  });

  it('ignores id, hash and any field outside the content, and reads undefined as null', () => {
    const withExtras = { ...entryContent({ reason: undefined as unknown as null }), id: 99, hash: 'x', note: 'ignored' };
    expect(entryHash(withExtras)).toBe(entryHash(entryContent({ reason: null })));
  });
});

describe('verifyChain', () => {
  it('accepts an empty trail', async () => {
    await expect(verifyChain(streamed([]))).resolves.toEqual({ ok: true, entries: 0 });
  });

  it('accepts an intact chain and counts its entries', async () => {
    await expect(verifyChain(streamed(chainOf(5)))).resolves.toEqual({ ok: true, entries: 5 });
  });

  it('reports an entry whose content was changed as a hash mismatch at that entry', async () => {
    const entries = chainOf(5);
    entries[2] = { ...entries[2], after: '{"value":"999"}' };
    await expect(verifyChain(streamed(entries))).resolves.toEqual({
      ok: false,
      entries: 3,
      firstBrokenEntry: { id: 3, reason: 'hash mismatch' },
    });
  });

  it('reports a removed entry as a broken link at the entry after it', async () => {
    const entries = chainOf(5);
    entries.splice(1, 1);
    await expect(verifyChain(streamed(entries))).resolves.toEqual({
      ok: false,
      entries: 2,
      firstBrokenEntry: { id: 3, reason: 'broken link' },
    });
  });

  it('reports a changed entry whose hash was recomputed as a broken link at the next entry', async () => {
    const entries = chainOf(4);
    const forged = entryContent({ ...entries[1], after: '{"value":"999"}' });
    entries[1] = { ...forged, id: 2, hash: entryHash(forged) };
    await expect(verifyChain(streamed(entries))).resolves.toMatchObject({ ok: false, firstBrokenEntry: { id: 3, reason: 'broken link' } });
  });

  it('reports removed first entries as a broken link at the new first entry', async () => {
    await expect(verifyChain(streamed(chainOf(3).slice(1)))).resolves.toMatchObject({
      ok: false,
      firstBrokenEntry: { id: 2, reason: 'broken link' },
    });
  });

  it('reports two swapped entries as a broken link', async () => {
    const [a, b, c] = chainOf(3);
    await expect(verifyChain([a, c, b])).resolves.toMatchObject({ ok: false, firstBrokenEntry: { id: 3, reason: 'broken link' } });
  });

  it('stops reading at the first broken entry', async () => {
    const entries = chainOf(4);
    entries[0] = { ...entries[0], hash: 'f'.repeat(64) };
    let read = 0;
    async function* counting(): AsyncGenerator<AuditEntryLike> {
      for (const entry of entries) {
        read += 1;
        yield entry;
      }
    }
    await verifyChain(counting());
    expect(read).toBe(1);
  });
});
