// Deterministic input generation for the fuzzers: a seeded PRNG, mutators for text and bytes, and
// random text and bytes. Input i of a run is a pure function of (seed, i), so a crash or hang found
// at index i is reproduced by regenerating it (`run.ts --only <target> --at <i>`).

/** sfc32 seeded through a splitmix-style hash: 32-bit arithmetic (fast in V8), fully reproducible. */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  constructor(seed: number) {
    let h = seed >>> 0;
    const next = () => {
      h = (h + 0x9e3779b9) >>> 0;
      let z = h;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next(); this.s1 = next(); this.s2 = next(); this.s3 = next();
    for (let i = 0; i < 12; i++) this.u32();
  }
  u32(): number {
    const t = (((this.s0 + this.s1) >>> 0) + this.s3) >>> 0;
    this.s3 = (this.s3 + 1) >>> 0;
    this.s0 = this.s1 ^ (this.s1 >>> 9);
    this.s1 = (this.s2 + (this.s2 << 3)) >>> 0;
    this.s2 = ((this.s2 << 21) | (this.s2 >>> 11)) >>> 0;
    this.s2 = (this.s2 + t) >>> 0;
    return t;
  }
  /** integer in [0, n) */
  int(n: number): number {
    return n <= 1 ? 0 : this.u32() % n;
  }
  bool(p = 0.5): boolean {
    return this.u32() / 4294967296 < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
}

/** Seed of input i of a run: independent streams per input. */
export const inputSeed = (seed: number, i: number): number => (Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) + Math.imul(i + 1, 0x165667b1)) >>> 0;

// Strings that break parsers: separators, signs, exponents, huge and tiny digits, Unicode oddities
// (combining marks, lone surrogates, RTL, BOM, NUL, full-width digits, Vietnamese letters).
export const INTERESTING_TEXT = [
  '', ' ', '\t', '\n', '\r\n', '\0', '\uFEFF', '\u00A0', '\u202E', '\u0301', '\uD800', '\uDFFF', '😀', 'ǅ', 'İ', 'ß',
  '０１２', '٣', '−', '–', '—', '+', '-', '.', ',', '..', ',,', '.,', ',.', 'e', 'E', 'e+308', 'e-400', '1e999', 'Infinity',
  'NaN', '0x1F', '0b1', '0o7', '__proto__', 'constructor', 'toString', 'null', 'true', '{}', '[]', '"', "'", '\\', '/', '%',
  '9'.repeat(400), '0'.repeat(50), '1.000.000', '2.442,33', '12,5', '7.7', 'III', 'XIV', 'quý', 'tháng', 'năm', 'đầu năm', 'T',
  'Q', 'H', '9T', '/', '2024', '1900', '0000', '99999', '-1', 'đ', 'Đ', 'ư', 'ơ', 'ă', 'â', 'ê', 'ô', 'ạ', 'ố', 'ự',
  '<', '>', '&', '&amp;', '&#0;', '&#x110000;', '&#xD800;', '<!--', '-->', '<![CDATA[', ']]>', '<script>', '</script>',
  '=', '@', '=cmd|\' /C calc\'!A0', '\u2028', '\u2029', '\uFFFE', '\uFFFF', 'a'.repeat(1000),
];

const CHARSETS = [
  '0123456789',
  '0123456789.,-+ ',
  '0123456789.,-+−eE%/ ',
  'abcdefghijklmnopqrstuvwxyz ',
  'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ ',
  'IVXLCDMivxlcdm ',
  '{}[]":,0123456789.-+etruefalsn \n',
  '<>/="\'&;#abcdefghijklmnopqrstuvwxyz \n',
  ',;"\n\r\t abc012',
];

/** A random string: characters from a random character set, or any code unit (lone surrogates too). */
export function randomText(r: Rng, maxLen = 200): string {
  const len = r.bool(0.1) ? r.int(maxLen * 10) : r.int(maxLen);
  const mode = r.int(10);
  let s = '';
  if (mode < 6) {
    const cs = Array.from(r.pick(CHARSETS));
    for (let i = 0; i < len; i++) s += r.pick(cs);
  } else if (mode < 8) {
    for (let i = 0; i < len; i++) s += String.fromCharCode(r.int(0x10000));
  } else if (mode < 9) {
    for (let i = 0; i < len; i++) s += String.fromCharCode(r.int(128));
  } else {
    for (let i = 0; i < Math.min(len, 40); i++) s += r.pick(INTERESTING_TEXT);
  }
  return s;
}

/** Text mutations (libFuzzer's kinds, on UTF-16 code units): insert, delete, replace, duplicate,
 *  swap, splice in an interesting string, splice in a piece of another seed, flip a case. */
export function mutateText(r: Rng, s: string, others: readonly string[], rounds = 1 + r.int(4)): string {
  for (let k = 0; k < rounds; k++) {
    const at = r.int(s.length + 1);
    switch (r.int(10)) {
      case 0: s = s.slice(0, at) + String.fromCharCode(r.int(0x10000)) + s.slice(at); break;
      case 1: s = s.slice(0, at) + String.fromCharCode(32 + r.int(95)) + s.slice(at); break;
      case 2: { const n = 1 + r.int(8); s = s.slice(0, at) + s.slice(at + n); break; }
      case 3: s = s.slice(0, at) + String.fromCharCode(r.int(0x10000)) + s.slice(at + 1); break;
      case 4: { const n = 1 + r.int(16); const piece = s.slice(at, at + n); s = s.slice(0, at) + piece.repeat(1 + r.int(r.bool(0.05) ? 2000 : 8)) + s.slice(at); break; }
      case 5: { const b = r.int(s.length + 1); const [x, y] = at < b ? [at, b] : [b, at]; s = s.slice(0, x) + s.slice(y) + s.slice(x, y); break; }
      case 6: case 7: s = s.slice(0, at) + r.pick(INTERESTING_TEXT) + s.slice(at); break;
      case 8: if (others.length) { const o = r.pick(others); const b = r.int(o.length + 1); s = s.slice(0, at) + o.slice(b, b + 1 + r.int(40)) + s.slice(at); } break;
      default: s = r.bool() ? s.toUpperCase() : s.slice(0, at); break;
    }
  }
  return s;
}

const INTERESTING_BYTES = [0, 1, 0x7f, 0x80, 0xff, 0xfe, 0x50, 0x4b, 0x03, 0x04, 0x05, 0x06, 0x01, 0x02, 0x3c, 0x3e];
const INTERESTING_U32 = [0, 1, 0xffffffff, 0x7fffffff, 0x80000000, 0xffff, 0x10000, 46, 22, 1000];

/** Byte mutations: flip bits, set interesting bytes and 16/32-bit words (zip fields are little-endian
 *  lengths and offsets), delete, duplicate or truncate ranges. */
export function mutateBytes(r: Rng, src: Uint8Array, rounds = 1 + r.int(6)): Buffer {
  let b = Buffer.from(src);
  for (let k = 0; k < rounds; k++) {
    if (b.length === 0) { b = Buffer.from([r.int(256)]); continue; }
    const at = r.int(b.length);
    switch (r.int(9)) {
      case 0: b[at] = b[at]! ^ (1 << r.int(8)); break;
      case 1: b[at] = r.pick(INTERESTING_BYTES); break;
      case 2: b[at] = r.int(256); break;
      case 3: if (at + 2 <= b.length) b.writeUInt16LE(r.pick(INTERESTING_U32) & 0xffff, at); break;
      case 4: if (at + 4 <= b.length) b.writeUInt32LE(r.pick(INTERESTING_U32) >>> 0, at); break;
      case 5: { const n = 1 + r.int(64); b = Buffer.concat([b.subarray(0, at), b.subarray(at + n)]); break; }
      case 6: { const n = 1 + r.int(64); b = Buffer.concat([b.subarray(0, at), b.subarray(at, at + n), b.subarray(at)]); break; }
      case 7: b = b.subarray(0, at); break;
      default: { const n = 1 + r.int(32); const fill = Buffer.alloc(n); for (let i = 0; i < n; i++) fill[i] = r.int(256); b = Buffer.concat([b.subarray(0, at), fill, b.subarray(at)]); break; }
    }
  }
  return b;
}

export function randomBytes(r: Rng, maxLen = 4096): Buffer {
  const n = r.int(maxLen);
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = r.int(256);
  // sometimes start like a zip, so the random bytes get past the first check
  if (n >= 4 && r.bool(0.5)) b.writeUInt32LE(0x04034b50, 0);
  return b;
}

/** A valid JSON value, nested, from the generator (for the JSON readers' "structured garbage"). */
export function randomJson(r: Rng, depth = 0): unknown {
  const k = r.int(depth > 4 ? 5 : 8);
  switch (k) {
    case 0: return null;
    case 1: return r.bool();
    case 2: return r.pick([0, -0, 1, -1, 1e308, -1e308, 5e-324, 2 ** 53, 0.1, r.int(1e9) / 100]);
    case 3: case 4: return r.bool(0.5) ? randomText(r, 30) : r.pick(INTERESTING_TEXT);
    case 5: return Array.from({ length: r.int(6) }, () => randomJson(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = r.int(6); i > 0; i--) o[r.bool(0.7) ? r.pick(['type', 'features', 'geometry', 'properties', 'coordinates', 'values', 'entries', 'value', 'place', 'period', 'indicator', '__proto__', 'toString', 'valueOf']) : randomText(r, 10)] = randomJson(r, depth + 1);
      return o;
    }
  }
}

// ------------------------------------------------------------------------------------ zip (stored)

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip of stored (uncompressed) entries: how the structured XLSX and DOCX inputs are built fast,
 *  without going through the libraries under test. */
export function storedZip(entries: Array<[string, string | Uint8Array]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6); local.writeUInt16LE(0, 8);
    local.writeUInt32LE(0, 10); local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26); local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10); central.writeUInt32LE(0, 12); central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24); central.writeUInt16LE(nameBuf.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
