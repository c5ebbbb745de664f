import fc from 'fast-check';
import { base64, base64Url, codePoints, utf8Base64, utf8Bytes } from '../../src/core/utf8';

/** Any UTF-16 code unit, so lone and paired surrogates both show up. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyUnits = fc.string({ unit: codeUnit, maxLength: 60 });
/** Whole code points, including astral ones (emoji, CJK extension B). */
const anyCodePoints = fc.string({ unit: 'binary', maxLength: 60 });
/** Mostly surrogate pairs mixed with BMP text. */
const astralHeavy = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
    fc.constantFrom('a', 'é', '中', '\u0000', '\uffff'),
  ),
  maxLength: 40,
});

describe('utf8Bytes', () => {
  it('matches Buffer for well-formed strings including astral characters', () => {
    fc.assert(
      fc.property(fc.oneof(anyCodePoints, astralHeavy), (s) => {
        expect(utf8Bytes(s)).toEqual([...Buffer.from(s, 'utf8')]);
      }),
      { numRuns: 500 },
    );
  });

  it('matches Buffer for arbitrary code units (lone surrogates become U+FFFD)', () => {
    fc.assert(
      fc.property(anyUnits, (s) => {
        expect(utf8Bytes(s)).toEqual([...Buffer.from(s, 'utf8')]);
      }),
      { numRuns: 500 },
    );
  });

  it('encodes each UTF-8 length class', () => {
    expect(utf8Bytes('A')).toEqual([0x41]);
    expect(utf8Bytes('\u007f')).toEqual([0x7f]);
    expect(utf8Bytes('\u0080')).toEqual([0xc2, 0x80]);
    expect(utf8Bytes('é')).toEqual([0xc3, 0xa9]);
    expect(utf8Bytes('\u07ff')).toEqual([0xdf, 0xbf]);
    expect(utf8Bytes('\u0800')).toEqual([0xe0, 0xa0, 0x80]);
    expect(utf8Bytes('中')).toEqual([0xe4, 0xb8, 0xad]);
    expect(utf8Bytes('\uffff')).toEqual([0xef, 0xbf, 0xbf]);
    expect(utf8Bytes('🎉')).toEqual([0xf0, 0x9f, 0x8e, 0x89]);
    expect(utf8Bytes('\u{10ffff}')).toEqual([0xf4, 0x8f, 0xbf, 0xbf]);
    expect(utf8Bytes('')).toEqual([]);
  });

  it('turns lone surrogates into EF BF BD', () => {
    const fffd = [0xef, 0xbf, 0xbd];
    expect(utf8Bytes('\ud83c')).toEqual(fffd); // high surrogate at the end
    expect(utf8Bytes('\udf89')).toEqual(fffd); // low surrogate alone
    expect(utf8Bytes('\ud83ca')).toEqual([...fffd, 0x61]); // high followed by a non-surrogate
    expect(utf8Bytes('\udf89\ud83c')).toEqual([...fffd, ...fffd]); // reversed pair
    expect(utf8Bytes('\ud83c\ud83c\udf89')).toEqual([...fffd, 0xf0, 0x9f, 0x8e, 0x89]);
    expect(codePoints('a\ud800b')).toEqual([0x61, 0xfffd, 0x62]);
  });
});

describe('base64 / base64Url', () => {
  it('match Buffer for random bytes of every length mod 3', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 100 }), (bytes) => {
        const buf = Buffer.from(bytes);
        expect(base64(bytes)).toBe(buf.toString('base64'));
        expect(base64Url(bytes)).toBe(buf.toString('base64url'));
      }),
      { numRuns: 500 },
    );
  });

  it('match Buffer for strings via utf8Base64', () => {
    fc.assert(
      fc.property(fc.oneof(anyUnits, anyCodePoints, astralHeavy), (s) => {
        expect(utf8Base64(s)).toBe(Buffer.from(s, 'utf8').toString('base64'));
      }),
      { numRuns: 500 },
    );
  });

  it('follow the RFC 4648 test vectors', () => {
    const vectors: Array<[string, string]> = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, enc] of vectors) expect(utf8Base64(plain)).toBe(enc);
  });

  it('base64Url uses - and _ and no padding', () => {
    expect(base64([0xfb, 0xff, 0xbf])).toBe('+/+/');
    expect(base64Url([0xfb, 0xff, 0xbf])).toBe('-_-_');
    expect(base64Url([0xff])).toBe('_w');
    expect(base64Url([0xff, 0xfe])).toBe('__4');
  });
});
