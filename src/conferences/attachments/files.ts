// What an uploaded file is, decided from its bytes (never from the name or the browser's claim), and
// a name safe to show and to send back in Content-Disposition. Pure: no disk, no HTTP.

export interface FileType {
  mime: string;
  extensions: string[];
  label: string;
}

const OOXML = 'application/vnd.openxmlformats-officedocument';
export const ACCEPTED_TYPES: Record<string, FileType> = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  png: { mime: 'image/png', extensions: ['png'], label: 'PNG' },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  docx: { mime: `${OOXML}.wordprocessingml.document`, extensions: ['docx'], label: 'Word (.docx)' },
  xlsx: { mime: `${OOXML}.spreadsheetml.sheet`, extensions: ['xlsx'], label: 'Excel (.xlsx)' },
  pptx: { mime: `${OOXML}.presentationml.presentation`, extensions: ['pptx'], label: 'PowerPoint (.pptx)' },
  doc: { mime: 'application/msword', extensions: ['doc'], label: 'Word 97–2003 (.doc)' },
  xls: { mime: 'application/vnd.ms-excel', extensions: ['xls'], label: 'Excel 97–2003 (.xls)' },
};

export const ACCEPTED_LABELS = Object.values(ACCEPTED_TYPES).map((t) => t.label).join(', ');

const startsWith = (buf: Uint8Array, bytes: number[]) => bytes.every((b, i) => buf[i] === b);
const hasAscii = (buf: Uint8Array, text: string) => Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).includes(text, 0, 'latin1');

/** The type family the bytes are, or null when they are none of the accepted ones. */
export function sniff(buf: Uint8Array): string | null {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    // An OOXML package is a zip whose entries name its part folders; a plain zip (or a jar) is refused.
    if (!hasAscii(buf, '[Content_Types].xml')) return null;
    if (hasAscii(buf, 'word/')) return 'docx';
    if (hasAscii(buf, 'xl/')) return 'xlsx';
    if (hasAscii(buf, 'ppt/')) return 'pptx';
    return null;
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole'; // .doc/.xls: told apart by extension
  return null;
}

export type FileProblem =
  | { code: 'empty' }
  | { code: 'too_large'; maxBytes: number }
  | { code: 'bad_name'; reason: string }
  | { code: 'type_not_accepted' }
  | { code: 'extension_mismatch'; detected: string; extension: string };

export interface CheckedFile {
  name: string;
  type: FileType;
}

// Control characters, and the bidirectional overrides used to disguise "gpj.exe" as "exe.jpg".
const HOSTILE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200e\u200f]/;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_NAME = 150;

/** A display name without folders or characters that break file systems or headers. */
export function sanitizeFileName(raw: string): { ok: true; name: string } | { ok: false; reason: string } {
  const nfc = String(raw ?? '').normalize('NFC');
  if (HOSTILE.test(nfc)) return { ok: false, reason: 'control_characters' };
  const base = nfc.split(/[\\/]/).pop() ?? '';
  let name = base.replace(/[<>:"|?*]/g, '').replace(/\s+/g, ' ').replace(/^[.\s]+|[.\s]+$/g, '');
  if (!name) return { ok: false, reason: 'empty' };
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  if (RESERVED.test(stem)) return { ok: false, reason: 'reserved' };
  if ([...name].length > MAX_NAME) name = [...stem].slice(0, MAX_NAME - [...ext].length).join('') + ext;
  return { ok: true, name };
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Name sanitised, size within the limit, bytes of an accepted type that the extension agrees with. */
export function checkFile(rawName: string, data: Uint8Array, maxBytes: number): { ok: true; file: CheckedFile } | { ok: false; problem: FileProblem } {
  if (data.byteLength === 0) return { ok: false, problem: { code: 'empty' } };
  if (data.byteLength > maxBytes) return { ok: false, problem: { code: 'too_large', maxBytes } };
  const n = sanitizeFileName(rawName);
  if (!n.ok) return { ok: false, problem: { code: 'bad_name', reason: n.reason } };
  const family = sniff(data);
  if (!family) return { ok: false, problem: { code: 'type_not_accepted' } };
  const ext = extensionOf(n.name);
  const type = family === 'ole'
    ? (ext === 'doc' ? ACCEPTED_TYPES.doc : ext === 'xls' ? ACCEPTED_TYPES.xls : undefined)
    : ACCEPTED_TYPES[family];
  if (!type) return { ok: false, problem: { code: 'extension_mismatch', detected: 'Office 97–2003', extension: ext } };
  if (!type.extensions.includes(ext)) return { ok: false, problem: { code: 'extension_mismatch', detected: type.label, extension: ext } };
  return { ok: true, file: { name: n.name, type } };
}

/** Vietnamese first, then English, for each refusal. */
export function describeProblem(p: FileProblem): { status: number; code: string; vi: string; en: string } {
  switch (p.code) {
    case 'empty':
      return { status: 422, code: 'file_empty', vi: 'Tệp rỗng.', en: 'The file is empty.' };
    case 'too_large': {
      const [n, unit] = p.maxBytes >= 1024 * 1024 ? [p.maxBytes / 1024 / 1024, 'MB'] : [p.maxBytes / 1024, 'KB'];
      const size = (Math.round(n * 10) / 10).toString();
      return { status: 413, code: 'file_too_large', vi: `Tệp quá lớn: tối đa ${size.replace('.', ',')} ${unit}.`, en: `The file is too large: at most ${size} ${unit}.` };
    }
    case 'bad_name':
      return {
        status: 422, code: 'file_name_refused',
        vi: 'Tên tệp không hợp lệ (có ký tự điều khiển, tên dành riêng của hệ thống hoặc để trống). Hãy đổi tên tệp rồi tải lại.',
        en: `The file name is not acceptable (${p.reason}). Rename the file and upload it again.`,
      };
    case 'type_not_accepted':
      return { status: 415, code: 'file_type_refused', vi: `Loại tệp không được chấp nhận. Chỉ nhận: ${ACCEPTED_LABELS}.`, en: `File type not accepted. Accepted: ${ACCEPTED_LABELS}.` };
    case 'extension_mismatch':
      return {
        status: 415, code: 'file_extension_mismatch',
        vi: `Đuôi tệp ".${p.extension}" không khớp với nội dung (${p.detected}).`,
        en: `The extension ".${p.extension}" does not match the content (${p.detected}).`,
      };
  }
}

/** Content-Disposition that is safe for any name: an ASCII fallback plus the UTF-8 name (RFC 6266/5987). */
export function contentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
