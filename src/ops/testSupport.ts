// A small store with a history worth checking: the fixture catalogue, values inserted, revised and
// deleted through the real write path (so revisions, change sets and rollups are the product's own),
// a plan, an index weighted by its provinces, a breakdown.
import { loadFixtureCatalogue } from '../db/fixtures.ts';
import type { Db } from '../db/database.ts';
import { importValues } from '../collection/importValues.ts';
import { ensureDemoData } from '../collection/demo/loadDemo.ts';
import { createAccount } from '../access/accounts.ts';

export async function storeWithHistory(db: Db): Promise<Record<string, number>> {
  const ids = await loadFixtureCatalogue(db);
  const ctx = (note: string) => ({ actor: 'test', kind: 'import', note });
  await importValues(db, [
    { place: 'a', indicator: 'retail_services', period: '9T/2024', value: 100, status: 'estimate' },
    { place: 'b', indicator: 'retail_services', period: '9T/2024', value: 250.5 },
    { place: 'c', indicator: 'retail_services', period: '9T/2024', value: 75 },
    { place: 'a', indicator: 'retail_services', period: '9T/2023', value: 90 },
    { place: 'b', indicator: 'retail_services', period: '9T/2023', value: 200 },
    { place: 'a', indicator: 'iip', period: 'T10/2024', value: 108.5 },
    { place: 'b', indicator: 'iip', period: 'T10/2024', value: 103.25 },
    { place: 'a', indicator: 'retail_services', period: '2024', value: 180, status: 'plan' },
    { place: 'cd', indicator: 'exports', period: 'T10/2025', value: 12.5 },
  ], ctx('first'));
  await importValues(db, [
    { place: 'a', indicator: 'retail_services', period: '9T/2024', value: 104 }, // estimate → official, v2
    { place: 'c', indicator: 'retail_services', period: '9T/2024', delete: true }, // deleted: kept in history
  ], ctx('second'));
  await importValues(db, [
    { place: 'a', indicator: 'retail_services', period: '9T/2024', value: 105, note: 'sửa' }, // v3
    { place: 'c', indicator: 'retail_services', period: '9T/2024', value: 76 }, // back, a new life at v1
  ], ctx('third'));
  return ids;
}

/**
 * The demo store (real master data, seed figures, conferences, tasks, data sets) plus provincial values
 * revised twice and an account: every kind of table holds rows, for backups and moves.
 */
export async function demoStoreWithHistory(db: Db): Promise<void> {
  await ensureDemoData(db);
  const rows = (value: number, status = 'official') => ['ha-noi', 'hai-phong', 'quang-ninh', 'bac-ninh'].map((place, i) => ({
    place, indicator: 'retail_services', period: '9T/2024', value: value + i * 1000.25, status,
  }));
  await importValues(db, rows(50_000, 'estimate'), { actor: 'test', kind: 'import', note: 'ước' });
  await importValues(db, rows(51_000), { actor: 'test', kind: 'import', note: 'chính thức' });
  await importValues(db, [{ place: 'ha-noi', indicator: 'retail_services', period: '9T/2023', value: 44_000.5 }], { actor: 'test', kind: 'import' });
  await createAccount(db, { actor: null, label: 'test' }, {
    username: 'analyst.one', displayName: 'Chuyên viên Một', password: 'mật-khẩu-rất-dài-123', role: 'analyst',
  });
}
