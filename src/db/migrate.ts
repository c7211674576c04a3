// Migrations apply on open, in the order of their dated names; the list is explicit so that the
// same code runs from sources (tsx) and needs no directory scan.
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { migrations } from './migrations/index.ts';

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** `schema`: the PostgreSQL schema the migration bookkeeping lives in (each test store has its own). */
export async function migrateToLatest(k: Kysely<any>, schema?: string): Promise<string[]> {
  const migrator = new Migrator({ db: k, provider: new StaticProvider(), ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new Error(`Không áp dụng được migration ${failed} / Migration ${failed} failed: ${String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
