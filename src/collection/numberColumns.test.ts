// Figures keep every digit in every store: columns holding a province's figures or a data set's bounds
// are 8-byte floats (PostgreSQL's `real` would keep about 7 significant digits: 28.411.415,37 → 28411416).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { openTestDb } from '../db/testing.ts';
import type { Db } from '../db/database.ts';

let db: Db;
before(async () => { db = await openTestDb(); });
after(async () => db.close());

const COLUMNS: Array<[string, string]> = [
  ['submission_entry', 'value'], ['dataset_item', 'min_value'], ['dataset_item', 'max_value'], ['dataset_item', 'growth_band'],
  ['value', 'value'], ['value_history', 'value'],
];

test('every figure column is a double, on either store', async () => {
  for (const [table, column] of COLUMNS) {
    const type = db.kind === 'postgres'
      ? (await sql<{ t: string }>`SELECT data_type AS t FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table} AND column_name = ${column}`.execute(db.k)).rows[0]?.t
      : (await sql<{ type: string; name: string }>`SELECT type, name FROM pragma_table_info(${table})`.execute(db.k)).rows.find((r) => r.name === column)?.type.toLowerCase();
    assert.match(String(type), /double/, `${table}.${column} is ${type}`);
  }
});

