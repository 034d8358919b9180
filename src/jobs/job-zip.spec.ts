import fc from 'fast-check';
import JSZip from 'jszip';
import { Readable } from 'node:stream';
import { storedZipBytes, ZipEntryFile, zipOfFiles } from './job-zip';

async function bytesOf(stream: Readable): Promise<Buffer> {
  return Buffer.concat(await stream.toArray());
}

/** Files named as reports are (Slovene letters, folders), of any length including none. */
const files = fc.array(
  fc.record({
    name: fc.tuple(fc.constantFrom('poročilo', 'letno-poročilo-čšž', 'P-00017', 'x'), fc.constantFrom('.pdf', '.xlsx', '.csv', '.txt'), fc.boolean()).map(([stem, ext, folder]) => `${folder ? 'mju-letno/' : ''}${stem}${ext}`),
    body: fc.uint8Array({ maxLength: 3000 }),
  }),
  { maxLength: 12 },
);

/** When the job ended: every entry of its ZIP carries it. */
const ENDED = new Date('2021-02-15T09:30:00Z');

describe('the ZIP written at download from stored files', () => {
  it('is the same bytes at every download, each entry dated when the job ended', async () => {
    const entries: ZipEntryFile[] = [{ name: 'letno-poročilo-AS-2020.pdf', file: 'a', bytes: 3 }];
    const first = await bytesOf(zipOfFiles(entries, async () => Buffer.from('pdf'), ENDED));
    // DOS times count in 2 s: a download a little later would have been dated otherwise.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const second = await bytesOf(zipOfFiles(entries, async () => Buffer.from('pdf'), ENDED));
    expect(second.equals(first)).toBe(true);
    const date = (await JSZip.loadAsync(first)).files['letno-poročilo-AS-2020.pdf'].date;
    expect(Math.abs(date.getTime() - ENDED.getTime())).toBeLessThanOrEqual(2000);
  });

  it('is exactly as long as storedZipBytes says, and reads back to the same files in order', async () => {
    await fc.assert(
      fc.asyncProperty(files, async (list) => {
        // Names in a ZIP may repeat (two templates' folders are not used here); keep them unique as a job's are.
        const unique = list.filter((file, i) => list.findIndex((other) => other.name === file.name) === i);
        const stored = new Map(unique.map((file, i) => [`job/${i}`, Buffer.from(file.body)]));
        const entries: ZipEntryFile[] = unique.map((file, i) => ({ name: file.name, file: `job/${i}`, bytes: file.body.length }));
        const zip = await bytesOf(zipOfFiles(entries, async (id) => stored.get(id)!, ENDED));
        expect(zip.length).toBe(storedZipBytes(entries));
        const read = await JSZip.loadAsync(zip);
        expect(Object.keys(read.files)).toEqual(unique.map((file) => file.name));
        for (const [i, file] of unique.entries()) expect(Buffer.from(await read.files[file.name].async('uint8array'))).toEqual(stored.get(`job/${i}`));
      }),
      { numRuns: 60 },
    );
  });

  it('has no length it could not keep: ZIP64 sizes and unknown lengths are null', () => {
    expect(storedZipBytes([])).toBe(22);
    expect(storedZipBytes([{ name: 'a.pdf', bytes: 2 ** 32 }])).toBeNull();
    expect(storedZipBytes(Array.from({ length: 65_535 }, (_, i) => ({ name: `${i}.pdf`, bytes: 1 })))).toBeNull();
    expect(storedZipBytes([{ name: 'a.pdf', bytes: undefined as unknown as number }])).toBeNull();
  });

  it('ends the stream with the error of a file it cannot read', async () => {
    const entries: ZipEntryFile[] = [
      { name: 'a.pdf', file: 'a', bytes: 1 },
      { name: 'b.pdf', file: 'b', bytes: 1 },
    ];
    const zip = zipOfFiles(entries, async (id) => {
      if (id === 'b') throw new Error('the file b is gone');
      return Buffer.from('a');
    }, ENDED);
    await expect(bytesOf(zip)).rejects.toThrow('the file b is gone');
  });

  it('stops reading files once its reader has gone', async () => {
    const read: string[] = [];
    const entries: ZipEntryFile[] = Array.from({ length: 50 }, (_, i) => ({ name: `${i}.pdf`, file: String(i), bytes: 256 * 1024 }));
    const zip = zipOfFiles(entries, async (id) => {
      read.push(id);
      return Buffer.alloc(256 * 1024, 1);
    }, ENDED);
    await new Promise((resolve) => zip.once('readable', resolve));
    zip.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(read.length).toBeLessThan(10);
  });
});
