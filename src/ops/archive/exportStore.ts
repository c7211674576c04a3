// Reading a whole store as archive events, from one consistent snapshot (a repeatable-read transaction
// on PostgreSQL, a read transaction on SQLite's WAL), so the server may keep running during a backup.
import type { Db } from '../../db/database.ts';
import { dependencyOrder, listTables } from '../store/introspect.ts';
import { appliedMigrations } from '../store/migrationState.ts';
import { rawConnection } from '../store/rawConnection.ts';
import { readTable, TableDigest } from '../store/tableRows.ts';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type ArchiveEvent } from './events.ts';

export async function* exportStore(db: Db, opts: { pageSize?: number } = {}): AsyncGenerator<ArchiveEvent> {
  const tables = dependencyOrder(await listTables(db));
  const migrations = await appliedMigrations(db);
  const conn = await rawConnection(db);
  let open = false;
  try {
    await conn.run(db.kind === 'postgres' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
    open = true;
    yield {
      kind: 'header',
      header: {
        format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, createdAt: new Date().toISOString(), store: db.kind,
        migrations, tables: tables.map((t) => t.name),
      },
    };
    let total = 0;
    for (const t of tables) {
      const columns = t.columns.map((c) => c.name);
      const digest = new TableDigest(columns);
      yield { kind: 'table', table: t.name, columns };
      for await (const rows of readTable(conn, t, opts.pageSize)) {
        for (const r of rows) digest.add(r);
        yield { kind: 'rows', rows };
      }
      total += digest.rows;
      yield { kind: 'tableEnd', table: t.name, rows: digest.rows, hash: digest.hash };
    }
    yield { kind: 'complete', tables: tables.length, rows: total };
  } finally {
    if (open) await conn.run('COMMIT').catch(() => {});
    await conn.release();
  }
}
