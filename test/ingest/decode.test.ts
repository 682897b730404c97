import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createDecoder, decodeBytes, detectEncoding, isValidUtf8, validateEncoding } from '../../src/ingest/decode.js';

const text = 'id,feedback\n1,Your CV was “good” but café naïve – £30k too high\n2,Straße résumé € ok\n';

function roundTrip(bytes: Uint8Array) {
  const detected = detectEncoding(bytes);
  return { detected, decoded: decodeBytes(bytes, detected) };
}

describe('detectEncoding', () => {
  it('reads UTF-8 without and with a BOM (the BOM is removed)', () => {
    const plain = roundTrip(Buffer.from(text, 'utf8'));
    expect(plain.detected).toMatchObject({ encoding: 'utf-8', bom: false });
    expect(plain.decoded).toBe(text);
    const bom = roundTrip(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect(bom.detected).toMatchObject({ encoding: 'utf-8', bom: true, reason: 'bom' });
    expect(bom.decoded).toBe(text);
  });

  it('reads UTF-16LE and UTF-16BE with a BOM', () => {
    const le = roundTrip(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
    expect(le.detected.encoding).toBe('utf-16le');
    expect(le.decoded).toBe(text);
    const be = roundTrip(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]));
    expect(be.detected.encoding).toBe('utf-16be');
    expect(be.decoded).toBe(text);
  });

  it('reads rows from a UTF-8 file and an Excel one pasted together, each part in its own encoding', () => {
    const utf8Rows = Buffer.from('id,feedback\n1,Trop nerveux — café, naïve résumé\n', 'utf8');
    const excelRow = iconv.encode('2,Acéme said “too quiet”\n', 'windows-1252');
    const { detected, decoded } = roundTrip(Buffer.concat([utf8Rows, excelRow]));
    expect(detected).toMatchObject({ encoding: 'utf-8+windows-1252', reason: 'mixed' });
    expect(decoded).toBe('id,feedback\n1,Trop nerveux — café, naïve résumé\n2,Acéme said “too quiet”\n');
    // Cut into chunks anywhere, even inside a UTF-8 letter, it reads the same.
    const bytes = Buffer.concat([utf8Rows, excelRow]);
    for (let cut = 1; cut < bytes.length; cut++) {
      const decoder = createDecoder(detected);
      expect(decoder.write(bytes.subarray(0, cut)) + decoder.write(bytes.subarray(cut)) + decoder.end()).toBe(decoded);
    }
  });

  it('recognises UTF-16LE without a BOM from its zero bytes', () => {
    const { detected, decoded } = roundTrip(iconv.encode(text, 'utf-16le'));
    expect(detected).toMatchObject({ encoding: 'utf-16le', reason: 'utf-16-pattern' });
    expect(decoded).toBe(text);
  });

  it('reads Windows-1252 and Latin-1 bytes without replacement characters', () => {
    const cp1252 = roundTrip(iconv.encode(text, 'windows-1252'));
    expect(cp1252.detected.reason).toBe('detected');
    expect(cp1252.detected.encoding).toBe('windows-1252');
    expect(cp1252.decoded).toBe(text);
    const latin = 'id,feedback\n1,Très bien, mais pas assez d’expérience à l’étranger; naïve façade\n'.replace(/’/g, "'");
    const latin1 = roundTrip(iconv.encode(latin, 'latin1'));
    expect(latin1.decoded).not.toContain('\uFFFD');
    expect(latin1.decoded).toBe(latin);
  });

  it('obeys a forced encoding and rejects unknown names', () => {
    const bytes = Buffer.from('a,b\n1,caf\xe9\n', 'latin1');
    const forced = detectEncoding(bytes, 'latin1');
    expect(forced).toMatchObject({ encoding: 'latin1', reason: 'forced' });
    expect(decodeBytes(bytes, forced)).toContain('café');
    expect(() => validateEncoding('klingon-8')).toThrow(/unknown encoding "klingon-8".*--encoding/);
    try {
      validateEncoding('klingon-8');
    } catch (error) {
      expect((error as { exitCode: number }).exitCode).toBe(2);
    }
  });

  it('does not treat a UTF-8 sequence cut at the end of the sample as invalid', () => {
    const bytes = Buffer.from('ok é', 'utf8');
    expect(isValidUtf8(bytes.subarray(0, bytes.length - 1))).toBe(true);
    expect(isValidUtf8(Buffer.from([0x61, 0xe9, 0x61]))).toBe(false);
  });
});

describe('createDecoder', () => {
  it('switches to a legacy encoding when non-ASCII bytes after an ASCII sample are not UTF-8', () => {
    const asciiSample = Buffer.from('a,b\n1,plain\n');
    const detected = detectEncoding(asciiSample);
    expect(detected.reason).toBe('ascii');
    const decoder = createDecoder(detected);
    const first = decoder.write(asciiSample);
    const second = decoder.write(iconv.encode('2,“curly” café\n', 'windows-1252'));
    expect(first + second + decoder.end()).toBe('a,b\n1,plain\n2,“curly” café\n');
    expect(decoder.encoding).toBe('windows-1252');
  });

  it('keeps UTF-8 when the late non-ASCII bytes are valid UTF-8, even split across chunks', () => {
    const decoder = createDecoder(detectEncoding(Buffer.from('a\n')));
    const bytes = Buffer.from('x é y\n', 'utf8');
    const out = decoder.write(bytes.subarray(0, 3)) + decoder.write(bytes.subarray(3)) + decoder.end();
    expect(out).toBe('x é y\n');
    expect(decoder.encoding).toBe('utf-8');
  });
});

describe('legacy encodings', () => {
  it('does not trust a confident non-Western guess made from a few accented letters', () => {
    const bytes = iconv.encode('late,Café “late” row\n', 'windows-1252');
    expect(detectEncoding(bytes).encoding).toBe('windows-1252');
  });

  it("reads Excel for Mac's plain CSV as Mac Roman, and Windows-1252 still as Windows-1252", () => {
    const mac =
      'Student No;Nom;Employer;Feedback\r1;Zoë Müller;Société Générale;The café project was vague – no results.\r2;José Núñez;Crédit Agricole;Didn’t tailor the CV\r';
    const bytes = iconv.encode(mac, 'macintosh');
    const detected = detectEncoding(bytes);
    expect(detected.encoding).toBe('macintosh');
    expect(decodeBytes(bytes, detected)).toBe(mac);
    for (const windows of [text, mac, 'id,feedback\n1,DÉBUT: Émile’s “answers” — naïve, Straße, Šimon, €30k\n'])
      expect(detectEncoding(iconv.encode(windows, 'windows-1252')).encoding, windows).toBe('windows-1252');
  });

  it('takes a non-Western encoding when the evidence is strong', () => {
    const polish = `id,feedback\n${Array.from({ length: 8 }, (_, i) => `${i},Zbyt nieśmiały, źle przygotowany; świetny ale żółć ąę ść\n`).join('')}`;
    const bytes = iconv.encode(polish, 'windows-1250');
    const detected = detectEncoding(bytes);
    expect(detected.encoding).toBe('windows-1250');
    expect(decodeBytes(bytes, detected)).toBe(polish);
  });
});
