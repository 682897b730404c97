// Encoding detection and incremental decoding. Detection looks at the first bytes only (BOM,
// strict UTF-8 validity, then chardet); decoding is chunk by chunk with iconv-lite so a large
// file is never held whole.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { usageError } from '../errors.js';

/** How much of a file encoding (and delimiter) detection looks at. */
export const SAMPLE_BYTES = 64 * 1024;

export interface DetectedEncoding {
  /** iconv-lite name used to decode, e.g. `utf-8`, `utf-16le`, `windows-1252`. */
  encoding: string;
  /** The file starts with a byte order mark (removed while decoding). */
  bom: boolean;
  /** How it was decided, for the file report. */
  reason: 'forced' | 'bom' | 'utf-8' | 'ascii' | 'detected' | 'utf-16-pattern' | 'mixed';
  /** chardet's guess and confidence, when it was asked. */
  guess?: { name: string; confidence: number };
}

export interface TextDecoderLike {
  write(bytes: Uint8Array): string;
  end(): string;
  /** The encoding actually in use; it can change once for files whose sample was plain ASCII. */
  readonly encoding: string;
}

/** Check a user-given encoding name; unknown names are a usage error. */
export function validateEncoding(name: string): string {
  const trimmed = name.trim();
  if (!iconv.encodingExists(trimmed)) {
    throw usageError(
      `unknown encoding "${name}" (--encoding). Use a name such as utf-8, utf-16le, windows-1252 or latin1, or leave it out to detect the encoding.`,
    );
  }
  return trimmed.toLowerCase();
}

/** Decide the encoding of a file from its first bytes. */
export function detectEncoding(sample: Uint8Array, forced?: string): DetectedEncoding {
  const bom = bomOf(sample);
  if (forced !== undefined) {
    return { encoding: validateEncoding(forced), bom: bom !== null, reason: 'forced' };
  }
  if (bom) return { encoding: bom, bom: true, reason: 'bom' };
  const utf16 = utf16ByZeroBytes(sample);
  if (utf16) return { encoding: utf16, bom: false, reason: 'utf-16-pattern' };
  if (isAscii(sample)) return { encoding: 'utf-8', bom: false, reason: 'ascii' };
  if (isValidUtf8(sample)) return { encoding: 'utf-8', bom: false, reason: 'utf-8' };
  return legacyEncoding(sample);
}

/**
 * Why the bytes cannot be in the encoding `--encoding` asked for, or null. Read as UTF-16, a file
 * saved in one byte a character is one line of CJK-looking characters: the error then listed it as
 * the one column, students' names garbled in it; read one byte a character, UTF-16 is text laced
 * with zeros. Both are a mistaken option, said as such.
 */
export function forcedEncodingMismatch(sample: Uint8Array, forced: string): string | null {
  const wide = /^(?:utf-?16|ucs-?2)/i.test(forced);
  const unicode = bomOf(sample) ?? utf16ByZeroBytes(sample);
  const fix = 'Leave --encoding out to detect it, or give the encoding the export was saved in.';
  if (wide && unicode === null && sample.length >= 8 && !sample.includes(0))
    return `the file is not ${forced} (--encoding): UTF-16 has a zero byte beside every plain letter, digit and comma, and it has none. ${fix}`;
  if (!wide && unicode?.startsWith('utf-16')) return `the file is ${unicode}, not ${forced} (--encoding). ${fix}`;
  return null;
}

function bomOf(bytes: Uint8Array): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without a BOM: text that is mostly ASCII has a zero in every other byte. */
function utf16ByZeroBytes(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

/** Strict UTF-8 check; a sequence cut off at the end of the sample is not an error. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

// Excel on Western-locale Windows writes Windows-1252, and chardet's guesses on a few accented
// letters are unreliable (it can name Windows-1250 with high confidence for "Café"). So another
// encoding is chosen only with enough evidence: several non-ASCII bytes, a fair confidence, and
// a clear lead over the Western encodings. `--encoding` settles any remaining doubt.
const MIN_CONFIDENCE = 50;
const MIN_HIGH_BYTES = 16;
const MIN_LEAD = 20;
const WESTERN = /^(windows-1252|iso-8859-1|iso-8859-15)$/i;

/**
 * Rows pasted together from a UTF-8 file and an Excel one: text with UTF-8's multi-byte letters
 * beside bytes no UTF-8 allows ("café" written both ways). Read as UTF-8 wherever a byte sequence
 * is UTF-8, and byte by byte as Windows-1252 elsewhere, so neither half turns into "Ã©".
 */
export const MIXED_ENCODING = 'utf-8+windows-1252';

/** Valid UTF-8 multi-byte sequences, and high bytes outside any, in `bytes`. */
function utf8Evidence(bytes: Uint8Array): { sequences: number; stray: number } {
  let sequences = 0;
  let stray = 0;
  for (let i = 0; i < bytes.length; ) {
    const length = utf8SequenceLength(bytes, i);
    if (length > 1) sequences++;
    else if (length === 0) stray++;
    i += Math.max(1, length);
  }
  return { sequences, stray };
}

/** 1 for ASCII, 2–4 for a whole valid UTF-8 sequence at `i`, 0 for a byte that starts none (or is cut off). */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0 || i + length > bytes.length) return 0;
  for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
  const second = bytes[i + 1]!;
  if (lead === 0xe0 && second < 0xa0) return 0;
  if (lead === 0xed && second > 0x9f) return 0;
  if (lead === 0xf0 && second < 0x90) return 0;
  if (lead === 0xf4 && second > 0x8f) return 0;
  return length;
}

/**
 * UTF-8 where the bytes are UTF-8, Windows-1252 byte by byte elsewhere; a sequence cut by a chunk
 * waits for the next. Each run of either is decoded in one call (ASCII reads the same in both): a
 * call per byte reads a mixed file tens of times slower than a file in one encoding.
 */
function mixedDecoder(): { write(bytes: Buffer): string; end(): string } {
  const single = iconv.getDecoder('windows-1252');
  let pending = Buffer.alloc(0);
  const decode = (bytes: Buffer, final: boolean): string => {
    let out = '';
    let runStart = 0;
    let runIsUtf8 = true;
    const flush = (end: number) => {
      if (end > runStart) out += runIsUtf8 ? bytes.toString('utf8', runStart, end) : single.write(bytes.subarray(runStart, end));
      runStart = end;
    };
    let i = 0;
    while (i < bytes.length) {
      const length = utf8SequenceLength(bytes, i);
      if (length === 0 && !final && bytes.length - i < 4 && bytes[i]! >= 0xc2 && bytes[i]! <= 0xf4) break;
      if (length > 0 !== runIsUtf8) {
        flush(i);
        runIsUtf8 = length > 0;
      }
      i += Math.max(1, length);
    }
    flush(i);
    pending = Buffer.from(bytes.subarray(i));
    return out;
  };
  return {
    write: (bytes) => decode(pending.length > 0 ? Buffer.concat([pending, bytes]) : bytes, false),
    end: () => decode(pending, true),
  };
}

function legacyEncoding(sample: Uint8Array): DetectedEncoding {
  const evidence = utf8Evidence(sample);
  // A few UTF-8 letters could be chance in a legacy file ("Ã©" is two Windows-1252 letters); more than
  // stray bytes, or several, are not.
  if (evidence.sequences >= 2 && evidence.sequences * 4 >= evidence.stray) {
    return { encoding: MIXED_ENCODING, bom: false, reason: 'mixed' };
  }
  const matches = chardet.analyse(sample).filter((m) => !/^utf/i.test(m.name) && iconv.encodingExists(m.name));
  const best = matches[0];
  const guess = best ? { name: best.name, confidence: best.confidence } : undefined;
  let encoding = 'windows-1252';
  if (best && !WESTERN.test(best.name)) {
    const western = matches.find((m) => WESTERN.test(m.name))?.confidence ?? 0;
    let highBytes = 0;
    for (let i = 0; i < sample.length; i++) if (sample[i] >= 0x80) highBytes++;
    if (highBytes >= MIN_HIGH_BYTES && best.confidence >= MIN_CONFIDENCE && best.confidence - western >= MIN_LEAD) {
      encoding = best.name.toLowerCase();
    }
  }
  // ISO-8859-1 would turn 0x80–0x9F into control characters; in real exports those bytes are
  // Windows-1252's curly quotes, dashes and €.
  if (encoding === 'windows-1252' && readsAsMacRoman(sample)) encoding = 'macintosh';
  return { encoding, bom: false, reason: 'detected', guess };
}

/**
 * Letters out of place: a capital after a small letter, between letters or alone ("cafŽ", "MŸller",
 * "field Ñ 12" for "field — 12"), or a sign between two letters ("Gonz‡lez" for "González"; not an
 * apostrophe nor a dash: "Mon–Thu"). Excel for Mac's plain CSV is Mac Roman, whose é, ü and — are
 * Windows-1252's Ž, Ÿ and Ñ; read either way, the wrong one puts letters where no word has them.
 */
function misplacedLetters(text: string): number {
  let count = 0;
  for (const { 0: c, index } of text.matchAll(/\P{ASCII}/gu)) {
    const before = text[index - 1] ?? ' ';
    const after = text[index + 1] ?? ' ';
    const letter = (x: string) => /\p{L}/u.test(x);
    const capital = /\p{Lu}/u.test(c);
    if (capital && (/\p{Ll}/u.test(before) || (letter(before) ? /\p{Ll}/u.test(after) : !letter(after)))) count++;
    else if (!letter(c) && !/['‘’–—]/u.test(c) && letter(before) && letter(after)) count++;
  }
  return count;
}

/** Mac Roman reads the bytes with far fewer letters out of place than Windows-1252 (at least two there). */
function readsAsMacRoman(sample: Uint8Array): boolean {
  const bytes = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength);
  const windows = misplacedLetters(iconv.decode(bytes, 'windows-1252'));
  return windows >= 2 && misplacedLetters(iconv.decode(bytes, 'macintosh')) * 4 <= windows;
}

/**
 * An incremental decoder. When the encoding was chosen only because the sample was plain ASCII,
 * the choice is checked again at the first non-ASCII byte of the file: invalid UTF-8 there means
 * a legacy encoding. Every byte before it is ASCII, which decodes the same either way.
 */
export function createDecoder(detected: DetectedEncoding): TextDecoderLike {
  let encoding = detected.encoding;
  const decoderFor = (name: string) => (name === MIXED_ENCODING ? mixedDecoder() : iconv.getDecoder(name));
  let decoder = decoderFor(encoding);
  let settled = detected.reason !== 'ascii';
  return {
    get encoding() {
      return encoding;
    },
    write(bytes: Uint8Array): string {
      if (!settled) {
        let firstHigh = 0;
        while (firstHigh < bytes.length && bytes[firstHigh] < 0x80) firstHigh++;
        if (firstHigh < bytes.length) {
          settled = true;
          const window = bytes.subarray(firstHigh, firstHigh + 4096);
          if (!isValidUtf8(window)) {
            encoding = legacyEncoding(window).encoding;
            decoder = decoderFor(encoding);
          }
        }
      }
      return decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
    end(): string {
      return decoder.end() ?? '';
    },
  };
}

/** Decode a whole buffer (tests, samples). */
export function decodeBytes(bytes: Uint8Array, detected: DetectedEncoding): string {
  const decoder = createDecoder(detected);
  return decoder.write(bytes) + decoder.end();
}
