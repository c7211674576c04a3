// Opening the configured store from a CLI command, and closing it whatever happens.
import { loadConfig, type Config } from '../config/config.ts';
import { openDb, type Db } from '../db/database.ts';

export async function withStore<T>(fn: (db: Db, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDb(config.store);
  try {
    return await fn(db, config);
  } finally {
    await db.close();
  }
}
