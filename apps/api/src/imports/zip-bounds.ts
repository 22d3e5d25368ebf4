import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { UnreadableFileError } from './read-rows';

/**
 * What an `.xlsx` (a zip) may hold once inflated. A 200,000-row sheet of the export's columns is a few
 * hundred MB of XML at most; a zip bomb is a few MB that inflate to many GB. The shared strings are
 * held in memory while the sheet is read, so they have their own, lower bound.
 */
export const ZIP_LIMITS = { entries: 1_000, inflatedBytes: 512 * 1024 * 1024, sharedStringsBytes: 128 * 1024 * 1024 } as const;

const MB = 1024 * 1024;
const notAWorkbook = () => new UnreadableFileError('The file is not a readable .xlsx workbook.');

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

/** The zip's entries as its central directory lists them (what every zip reader trusts); zip64 is refused. */
function entriesOf(zip: Buffer, limits: typeof ZIP_LIMITS): { entries: Entry[]; directory: number } {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > zip.length) throw notAWorkbook();
  const count = zip.readUInt16LE(eocd + 10);
  const directory = zip.readUInt32LE(eocd + 16);
  if (count > limits.entries)
    throw new UnreadableFileError(`The file holds more than ${limits.entries} zip entries: it is not an .xlsx workbook.`);
  const entries: Entry[] = [];
  let p = directory;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || zip.readUInt32LE(p) !== 0x02014b50) throw notAWorkbook();
    const nameLength = zip.readUInt16LE(p + 28);
    const entry = {
      flags: zip.readUInt16LE(p + 8),
      method: zip.readUInt16LE(p + 10),
      compressed: zip.readUInt32LE(p + 20),
      size: zip.readUInt32LE(p + 24),
      offset: zip.readUInt32LE(p + 42),
      name: zip.toString('utf8', p + 46, p + 46 + nameLength),
    };
    if ([entry.compressed, entry.size, entry.offset].includes(0xffffffff)) throw notAWorkbook();
    entries.push(entry);
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return { entries: entries.sort((a, b) => a.offset - b.offset), directory };
}

/** How many bytes `data` inflates to, counted as it streams out and given up past `budget` (memory stays flat). */
function inflatedSize(data: Buffer, budget: number): Promise<number> {
  return new Promise((done, fail) => {
    const inflate = createInflateRaw();
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        inflate.destroy();
        done(size);
      }
    });
    inflate.on('end', () => done(size));
    inflate.on('error', () => fail(notAWorkbook()));
    inflate.end(data);
  });
}

/** Where one entry's data lies in the zip, and how it is stored (0: as is, 8: deflated). */
export interface ZipPart {
  method: 0 | 8;
  start: number;
  end: number;
}

/**
 * Refuses a workbook whose entries would inflate beyond ZIP_LIMITS, before the sheet reader sees it:
 * every entry is inflated once and only counted. The entries must follow each other from the start
 * of the file to the central directory, so what is counted is all the file holds. Returns the
 * entries by name, for reading them in the order a reader needs (`partStream`).
 */
export async function checkZipBounds(zip: Buffer, limits: typeof ZIP_LIMITS = ZIP_LIMITS): Promise<Map<string, ZipPart>> {
  const { entries, directory } = entriesOf(zip, limits);
  const tooBig = (what: string, bytes: number) =>
    new UnreadableFileError(`The file ${what} more than ${Math.round(bytes / MB)} MB once unzipped: it is not read (is it a zip bomb?).`);
  const parts = new Map<string, ZipPart>();
  let next = 0;
  let total = 0;
  for (const e of entries) {
    if (e.offset !== next || e.offset + 30 > directory || zip.readUInt32LE(e.offset) !== 0x04034b50) throw notAWorkbook();
    const start = e.offset + 30 + zip.readUInt16LE(e.offset + 26) + zip.readUInt16LE(e.offset + 28);
    const end = start + e.compressed;
    if (end > directory) throw notAWorkbook();
    const descriptor = (e.flags & 0x08) !== 0;
    // Without a data descriptor the local header's size is the one a streaming reader goes by.
    if (!descriptor && zip.readUInt32LE(e.offset + 18) !== e.compressed) throw notAWorkbook();
    next = descriptor ? end + (zip.readUInt32LE(end) === 0x08074b50 ? 16 : 12) : end;

    const shared = /sharedStrings\.xml$/i.test(e.name);
    const budget = Math.min(limits.inflatedBytes - total, shared ? limits.sharedStringsBytes : Infinity);
    let size: number;
    if (e.method === 0) size = e.compressed;
    else if (e.method === 8) size = await inflatedSize(zip.subarray(start, end), budget);
    else throw notAWorkbook();
    if (size > budget)
      throw shared ? tooBig('holds shared strings of', limits.sharedStringsBytes) : tooBig('inflates to', limits.inflatedBytes);
    total += size;
    parts.set(e.name, { method: e.method as ZipPart['method'], start, end });
  }
  if (next !== directory) throw notAWorkbook();
  return parts;
}

/** One entry's content as a stream (inflated as it is read; a broken entry fails the stream as not a workbook). */
export function partStream(zip: Buffer, part: ZipPart): Readable {
  const data = zip.subarray(part.start, part.end);
  if (part.method === 0) return Readable.from([data]);
  const inflate = createInflateRaw();
  inflate.end(data);
  return inflate;
}
