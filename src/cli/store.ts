// Opening the configured store from a CLI command, and closing it whatever happens.
import { loadConfig, type Config } from '../config/config.ts';
import { openDb, type Db } from '../db/database.ts';

/** `migrate: false` opens the store as it is (the `migrate` command applies and reports them itself). */
export async function withStore<T>(fn: (db: Db, config: Config) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const db = await openDb({ ...config.store, migrate: opts.migrate });
  try {
    return await fn(db, config);
  } finally {
    await db.close();
  }
}
