// Column helpers that hide the two dialects' differences from the migrations.
import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

/** An auto-numbered integer primary key. */
export function withId<T extends string>(db: Kysely<any>, t: CreateTableBuilder<T, never>) {
  return isPostgres(db)
    ? t.addColumn('id', 'serial', (c) => c.primaryKey())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** SQLite stores clustered tables best WITHOUT ROWID; PostgreSQL has no such thing. */
export function clustered<T extends string, C extends string>(db: Kysely<any>, t: CreateTableBuilder<T, C>) {
  return isPostgres(db) ? t : t.modifyEnd(sql`without rowid`);
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
