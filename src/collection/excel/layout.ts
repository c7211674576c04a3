// Where things are in the report template, shared by the writer and the reader.
export const TEMPLATE_KIND = 'congthuong-bao-cao';
export const TEMPLATE_VERSION = 1;
export const DATA_SHEET = 'BaoCao';
export const META_SHEET = '_meta';
export const HEADER_ROW = 5;
export const FIRST_ROW = 6;

/** Columns of the data sheet. Only value, plan and comment are unlocked. */
export const COL = { no: 1, code: 2, name: 3, breakdown: 4, period: 5, unit: 6, lastYear: 7, value: 8, plan: 9, comment: 10 } as const;
export const HEADERS = ['STT', 'Mã chỉ tiêu', 'Chỉ tiêu', 'Phân tổ', 'Kỳ số liệu', 'Đơn vị tính', 'Cùng kỳ năm trước', 'Kỳ này', 'Kế hoạch năm', 'Ghi chú / giải trình'];
export const colLetter = (c: number): string => (c > 26 ? colLetter(Math.floor((c - 1) / 26)) : '') + String.fromCharCode(65 + ((c - 1) % 26));

/** Meta sheet: A/B pairs in rows 1..6, then one row per item from row 10: position, actual version, plan version. */
export const META_ITEMS_ROW = 10;

/** Bounds on what an upload may contain: a template has one row per item and nothing else of size. */
export const LIMITS = { bytes: 2 * 1024 * 1024, zipEntries: 200, unzippedBytes: 8 * 1024 * 1024, sheets: 10, extraRows: 50, columns: 30, commentLength: 2000 };

/** Text a spreadsheet would run as a formula (=, @, +/- followed by a letter, or a leading tab/CR). */
export const looksLikeFormula = (s: string): boolean => /^[=@\t\r]/.test(s) || /^[+-][^\d\s.,]/.test(s);
