// The archive file: the events as gzip-compressed JSON lines. A control line is an object, a row is an
// array, so a reader tells them apart by the first character. The file is written under a temporary
// name and renamed when complete: a backup interrupted half-way never looks like a backup.
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import { ArchiveError, ARCHIVE_FORMAT, type ArchiveEvent, type ArchiveHeader } from './events.ts';

export interface WriteSummary {
  tables: number;
  rows: number;
  bytes: number;
}

export async function writeArchive(events: AsyncIterable<ArchiveEvent>, file: string): Promise<WriteSummary> {
  const tmp = `${file}.partial`;
  const gz = createGzip({ level: 6 });
  const out = createWriteStream(tmp);
  gz.pipe(out);
  const put = async (line: string) => {
    if (!gz.write(line + '\n')) await once(gz, 'drain');
  };
  const summary: WriteSummary = { tables: 0, rows: 0, bytes: 0 };
  try {
    for await (const e of events) {
      switch (e.kind) {
        case 'header': await put(JSON.stringify(e.header)); break;
        case 'table': await put(JSON.stringify({ table: e.table, columns: e.columns })); break;
        case 'rows': if (e.rows.length) await put(e.rows.map((r) => JSON.stringify(r)).join('\n')); break;
        case 'tableEnd': await put(JSON.stringify({ end: e.table, rows: e.rows, hash: e.hash })); summary.tables++; break;
        case 'complete': await put(JSON.stringify({ complete: true, tables: e.tables, rows: e.rows })); summary.rows = e.rows; break;
      }
    }
    gz.end();
    await once(out, 'close');
    renameSync(tmp, file);
    summary.bytes = out.bytesWritten;
    return summary;
  } catch (e) {
    gz.destroy();
    out.destroy();
    rmSync(tmp, { force: true });
    throw e;
  }
}

const ROWS_PER_EVENT = 2000;

/** The archive's events; a truncated or altered file ends in an ArchiveError, never in silence. */
export async function* readArchive(file: string): AsyncGenerator<ArchiveEvent> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let n = 0;
  let rows: unknown[][] = [];
  let complete = false;
  try {
    for await (const line of lines) {
      n++;
      if (!line) continue;
      let v: any;
      try {
        v = JSON.parse(line);
      } catch {
        throw new ArchiveError(`Tệp sao lưu hỏng ở dòng ${n}.`, `The archive is damaged at line ${n}.`);
      }
      if (Array.isArray(v)) {
        rows.push(v);
        if (rows.length >= ROWS_PER_EVENT) {
          yield { kind: 'rows', rows };
          rows = [];
        }
        continue;
      }
      if (rows.length) {
        yield { kind: 'rows', rows };
        rows = [];
      }
      if (n === 1) {
        if (v?.format !== ARCHIVE_FORMAT) throw new ArchiveError('Đây không phải tệp sao lưu của Công Thương Vùng.', 'This is not a Công Thương Vùng archive.');
        yield { kind: 'header', header: v as ArchiveHeader };
      } else if (typeof v.table === 'string') yield { kind: 'table', table: v.table, columns: v.columns };
      else if (typeof v.end === 'string') yield { kind: 'tableEnd', table: v.end, rows: v.rows, hash: v.hash };
      else if (v.complete === true) {
        complete = true;
        yield { kind: 'complete', tables: v.tables, rows: v.rows };
      } else throw new ArchiveError(`Dòng ${n} của tệp sao lưu không đọc được.`, `Line ${n} of the archive is not understood.`);
    }
  } catch (e) {
    if (e instanceof ArchiveError) throw e;
    throw new ArchiveError(`Không đọc được tệp sao lưu (${(e as Error).message}).`, `The archive cannot be read (${(e as Error).message}).`);
  }
  if (!complete) throw new ArchiveError('Tệp sao lưu bị cắt cụt (thiếu phần kết thúc).', 'The archive is truncated (its end mark is missing).');
}
