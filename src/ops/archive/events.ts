// A store's content as a stream of events: a header with the schema version, then each table in
// dependency order (its columns, its rows, its count and hash), then a completion mark. The archive
// file is these events as JSON lines; the move pipes them from one store straight into another.
import type { StoreKind } from '../../config/config.ts';
import type { Row } from '../store/tableRows.ts';

export const ARCHIVE_FORMAT = 'congthuong-archive';
export const ARCHIVE_VERSION = 1;

export interface ArchiveHeader {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  createdAt: string;
  store: StoreKind;
  /** Every migration applied to the source, in order: the schema version the rows belong to. */
  migrations: string[];
  tables: string[];
}

export type ArchiveEvent =
  | { kind: 'header'; header: ArchiveHeader }
  | { kind: 'table'; table: string; columns: string[] }
  | { kind: 'rows'; rows: Row[] }
  | { kind: 'tableEnd'; table: string; rows: number; hash: string }
  | { kind: 'complete'; tables: number; rows: number };

export class ArchiveError extends Error {
  constructor(readonly messageVi: string, readonly messageEn: string) {
    super(`${messageVi} / ${messageEn}`);
  }
  get userMessage(): string {
    return `${this.messageVi}\n${this.messageEn}`;
  }
}
