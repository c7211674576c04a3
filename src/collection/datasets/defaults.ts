// The data sets the system starts with (the monthly report), loaded into a store that has none, and
// `congthuong dataset load <file>` for the ministry's own definitions.
import { readFileSync } from 'node:fs';
import { audit, type AuditWho } from '../../access/audit.ts';
import { reference } from '../../catalogue/reference.ts';
import type { Db } from '../../db/database.ts';
import { UserError } from '../../server/errors.ts';
import { datasetDefinitionSchema, definitionProblems } from './dataset.ts';
import { datasets, saveDataset } from './datasetStore.ts';

export const DEFAULT_DATASETS = [new URL('./data/monthly-report.json', import.meta.url)];

export async function loadDatasetDefinition(db: Db, who: AuditWho, json: unknown): Promise<{ code: string; created: boolean }> {
  const parsed = datasetDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new UserError(422, 'invalid_dataset', `Định nghĩa bộ số liệu không hợp lệ ở ${first.path.join('.')}: ${first.message}`, `Invalid data set definition at ${first.path.join('.')}: ${first.message}`);
  }
  const ref = await reference(db);
  const problems = definitionProblems(parsed.data, ref.indicatorsByCode);
  if (problems.length) throw new UserError(422, 'invalid_dataset', `${problems[0]!.field}: ${problems[0]!.messageVi}`, `${problems[0]!.field}: ${problems[0]!.messageEn}`, problems);
  let muId: number | null = null;
  if (parsed.data.ministry_unit) {
    const m = await db.k.selectFrom('ministry_unit').select('id').where('slug', '=', parsed.data.ministry_unit).executeTakeFirst();
    if (!m) throw new UserError(422, 'invalid_dataset', `Không có đơn vị thuộc Bộ "${parsed.data.ministry_unit}".`, `No ministry unit "${parsed.data.ministry_unit}".`);
    muId = m.id;
  }
  const ids = new Map([...ref.indicatorsByCode].map(([c, i]) => [c, i.id]));
  const res = await saveDataset(db, parsed.data, ids, muId, undefined, async (trx, r) => {
    await audit(trx, who, { action: r.created ? 'dataset.create' : 'dataset.update', entity: 'dataset', entityId: parsed.data.code, after: parsed.data });
  });
  if ('conflict' in res) throw new Error('unreachable: no expected version');
  return { code: parsed.data.code, created: res.created };
}

/** Loads the default data sets when the store has none and its catalogue has their indicators. */
export async function ensureDefaultDatasets(db: Db): Promise<number> {
  if ((await datasets(db)).length) return 0;
  const ref = await reference(db);
  let n = 0;
  for (const url of DEFAULT_DATASETS) {
    const json = JSON.parse(readFileSync(url, 'utf8'));
    if (!json.items.every((i: { indicator: string }) => ref.indicatorsByCode.has(i.indicator))) continue;
    await loadDatasetDefinition(db, { actor: null, label: 'system' }, json);
    n++;
  }
  return n;
}
