// Which dated migrations a store has applied, compared with the ones this version of the code knows.
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from '../../db/database.ts';
import { migrations } from '../../db/migrations/index.ts';

export interface MigrationState {
  applied: string[];
  /** Known to the code, not applied to the store: the store is behind. */
  pending: string[];
  /** Applied to the store, unknown to the code: the store was written by a newer version. */
  unknown: string[];
}

export const knownMigrations = (): string[] => Object.keys(migrations).sort();

export async function appliedMigrations(db: Db): Promise<string[]> {
  try {
    const r = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db.k);
    return r.rows.map((x) => x.name);
  } catch {
    return []; // no bookkeeping table: nothing was ever applied
  }
}

export async function migrationState(db: Db): Promise<MigrationState> {
  const applied = await appliedMigrations(db);
  const known = knownMigrations();
  return {
    applied,
    pending: known.filter((m) => !applied.includes(m)),
    unknown: applied.filter((m) => !known.includes(m)),
  };
}

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** Moves the store's schema up (or down) to exactly `name`; used to restore an archive of an older schema. */
export async function migrateStoreTo(db: Db, name: string): Promise<void> {
  const schema = await currentSchema(db);
  const migrator = new Migrator({ db: db.k, provider: new StaticProvider(), ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateTo(name);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new Error(`Không áp dụng được migration ${failed} / Migration ${failed} failed: ${String(error)}`);
  }
}

/** The PostgreSQL schema the store lives in (its search path), where its migration bookkeeping is. */
export async function currentSchema(db: Db): Promise<string | undefined> {
  if (db.kind !== 'postgres') return undefined;
  return (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db.k)).rows[0]!.s;
}
