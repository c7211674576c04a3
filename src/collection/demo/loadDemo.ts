// Demo data for a fresh store: the master data, then every figure the seed articles publish, each in
// its own change set whose source is the article and the sentence it was read from.
import type { Db } from '../../db/database.ts';
import { loadMasterData } from '../../catalogue/masterData.ts';
import { loadMasterDataIntoStore } from '../../catalogue/catalogueStore.ts';
import { importValues } from '../importValues.ts';
import { loadSeedFigures } from './seedFigures.ts';
import { ensureDefaultDatasets } from '../datasets/defaults.ts';
import { ensureConferenceDemo } from '../../followup/demo.ts';

export interface DemoReport {
  masterData: boolean;
  documents: number;
  figures: number;
}

export async function ensureDemoData(db: Db): Promise<DemoReport> {
  const report: DemoReport = { masterData: false, documents: 0, figures: 0 };
  const md = loadMasterData();
  const hasUnits = await db.k.selectFrom('unit').select('id').limit(1).executeTakeFirst();
  if (!hasUnits) {
    await loadMasterDataIntoStore(db, md);
    report.masterData = true;
  }
  await ensureDefaultDatasets(db);
  await ensureConferenceDemo(db); // conferences, hosts, tasks and recommendations from the seeds (idempotent)
  const seeded = await db.k.selectFrom('change_set').select('id').where('kind', '=', 'seed').limit(1).executeTakeFirst();
  if (seeded) return report;
  const seeds = loadSeedFigures(md);
  for (const d of seeds.documents) {
    const unmapped = [
      ...seeds.unmapped.filter((u) => u.source.document === d.id),
      ...seeds.figures.filter((f) => f.unit_as_printed && f.source.document === d.id).map((f) => ({ ...f, reason: 'unit_as_printed' })),
    ];
    await db.k.insertInto('document').values({
      unmapped: JSON.stringify(unmapped),
      id: d.id, title: d.title, publisher: d.publisher, published_on: d.published ?? d.event_date, place: d.place, url: d.url,
      summary_vi: d.summary_vi, summary_en: d.summary_en, kind: 'article', created_at: new Date().toISOString(),
    }).onConflict((oc) => oc.column('id').doNothing()).execute();
    report.documents++;
  }
  for (const f of seeds.figures) {
    // A unit the article printed that cannot be the indicator's ("xuất siêu trên 7,7 tỷ đồng") is not
    // converted by guess: the figure stays listed with its document, not stored as a value.
    if (f.unit_as_printed) continue;
    await importValues(db, [{
      place: f.place, indicator: f.indicator, period: f.period, breakdown: f.breakdown, value: f.value,
      unit: f.unit_as_printed ? undefined : f.unit ?? undefined, status: f.status, growth_pct: f.growth_pct,
      pct_of_plan: f.pct_of_plan, qualifier: f.qualifier, note: f.note,
    }], { actor: 'demo', kind: 'seed', sourceDocument: f.source.document, sourceQuote: f.source.quote, note: f.id });
    report.figures++;
  }
  return report;
}
