import archiver from 'archiver';
import { once } from 'node:events';
import type { Readable } from 'node:stream';

/** Files whose content is compressed already, stored in a job's ZIP as they are. */
const COMPRESSED = /\.(pdf|xlsx|docx|zip|png|jpe?g)$/i;

/** A ZIP being written: `add` resolves once its entry is written, so that memory holds one file. */
export interface ZipWriter {
  archive: archiver.Archiver;
  add(name: string, body: Buffer | NodeJS.ReadableStream, date?: Date): Promise<void>;
}

/**
 * A ZIP that entries are added to one at a time: archiver would queue every body given to it;
 * waiting for the entry to be written (and so for whoever reads the archive to take it) keeps
 * memory at one file. A PDF's streams and an XLSX (itself a ZIP) are deflated already: stored as
 * they are, they cost a CRC instead of a second deflate that gains little; anything else (a CSV,
 * say) is deflated at a light level, unless `storeAll`. An entry is dated `date`, or now.
 */
export function zipWriter(options: { storeAll?: boolean } = {}): ZipWriter {
  const archive = archiver('zip', { zlib: { level: 1 } });
  return {
    archive,
    add: async (name, body, date) => {
      // A reader that goes away (a download cut off) closes the archive: then no entry comes.
      const gone = new AbortController();
      const closed = () => gone.abort(new Error('The ZIP was closed before its entry was written'));
      archive.once('close', closed);
      try {
        const written = once(archive, 'entry', { signal: gone.signal });
        archive.append(body as Buffer, { name, date, store: options.storeAll || COMPRESSED.test(name) } satisfies archiver.ZipEntryData);
        await written;
      } finally {
        archive.off('close', closed);
      }
    },
  };
}

/** A file of a split job's part, as its job's ZIP lists it. */
export interface ZipEntryFile {
  /** The name in the ZIP. */
  name: string;
  /** The stored file's id. */
  file: string;
  /** Its length. */
  bytes: number;
}

/** Past these a ZIP needs ZIP64 records, whose lengths `storedZipBytes` does not count. */
const ZIP_MAX_ENTRIES = 0xffff;
const ZIP_MAX_OFFSET = 0xffffffff;

/**
 * The exact length of the ZIP that `zipOfFiles` writes of these files (every entry stored, each
 * body given whole): per entry a local header of 30 bytes and a central one of 46, each followed
 * by the name's UTF-8 bytes, then the body; and the end record of 22. Null where ZIP64 would be
 * needed (more than 65,535 entries, or past 4 GiB), or where a length is not known (a part done
 * before the lengths were kept).
 */
export function storedZipBytes(entries: readonly Pick<ZipEntryFile, 'name' | 'bytes'>[]): number | null {
  if (entries.length >= ZIP_MAX_ENTRIES) return null;
  let offset = 0;
  let central = 0;
  for (const entry of entries) {
    if (!Number.isSafeInteger(entry.bytes)) return null;
    const name = Buffer.byteLength(entry.name);
    offset += 30 + name + entry.bytes;
    central += 46 + name;
  }
  if (offset > ZIP_MAX_OFFSET || central > ZIP_MAX_OFFSET) return null;
  return offset + central + 22;
}

/**
 * A split job's ZIP, written as it is read: each file read whole when the archive is ready for it
 * (a report, a few MB at most) and stored as it is, so the ZIP is `storedZipBytes` long. Every
 * entry is dated `date` (the job's end), so that each download is the same bytes. A file that
 * cannot be read ends the stream with that error.
 */
export function zipOfFiles(entries: readonly ZipEntryFile[], read: (file: string) => Promise<Buffer>, date: Date): Readable {
  const { archive, add } = zipWriter({ storeAll: true });
  void (async () => {
    for (const entry of entries) await add(entry.name, await read(entry.file), date);
    await archive.finalize();
  })().catch((error: unknown) => archive.destroy(error as Error));
  return archive;
}
