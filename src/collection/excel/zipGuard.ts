// Before an .xlsx (a zip) is opened: is it a zip at all, and what does its central directory declare
// (entries, sizes, compression ratios)? A zip bomb or a sheet of millions of cells is refused here,
// before any byte is inflated.
import { LIMITS } from './layout.ts';

export type ZipProblem = { vi: string; en: string } | null;

export function checkZip(buf: Buffer): ZipProblem {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) {
    return { vi: 'Tệp không phải là tệp Excel (.xlsx).', en: 'The file is not an Excel workbook (.xlsx).' };
  }
  // End of central directory: within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { vi: 'Tệp Excel bị hỏng (không đọc được mục lục nén).', en: 'The workbook is damaged (no zip directory).' };
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (entries > LIMITS.zipEntries) return { vi: `Tệp có quá nhiều thành phần (${entries}).`, en: `Too many parts in the workbook (${entries}).` };
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) {
      return { vi: 'Tệp Excel bị hỏng (mục lục nén sai).', en: 'The workbook is damaged (bad zip directory).' };
    }
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    total += size;
    if (total > LIMITS.unzippedBytes || (compressed > 0 && size / compressed > 1000) || (compressed === 0 && size > 0)) {
      return { vi: 'Tệp Excel quá lớn khi giải nén (bảng tính quá nhiều ô); hãy dùng đúng mẫu tải về.', en: 'The workbook is too large once unpacked; use the downloaded template.' };
    }
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return null;
}
