// A store with the fixture catalogue (provinces a, b, c, d → cd in region1), two ministry units, a
// monthly data set and published figures for earlier years, and the app over it, for the workflow,
// Excel and access-matrix tests.
import type { FastifyInstance } from 'fastify';
import { signInAs, type SignInOptions, type TestSession } from '../access/testing.ts';
import type { Role } from '../access/roles.ts';
import { loadFixtureCatalogue } from '../db/fixtures.ts';
import type { Db } from '../db/database.ts';
import { openTestDb } from '../db/testing.ts';
import { buildApp } from '../server/app.ts';
import { loadDatasetDefinition } from './datasets/defaults.ts';
import { importValues } from './importValues.ts';

export const DATASET = {
  code: 'thang', name_vi: 'Báo cáo tháng', name_en: 'Monthly report', periodicity: 'month', ministry_unit: 'vu-ke-hoach',
  items: [
    { indicator: 'retail_services', basis: 'period' }, // item 0
    { indicator: 'retail_services', basis: 'ytd', plan: true }, // item 1
    { indicator: 'exports', basis: 'period', required: false }, // item 2
    { indicator: 'iip', basis: 'period', max: 1000 }, // item 3
  ],
};

export interface Fixture {
  db: Db;
  app: FastifyInstance;
  as(role: Role, opts?: SignInOptions): Promise<TestSession>;
  close(): Promise<void>;
}

export async function workflowFixture(): Promise<Fixture> {
  const db = await openTestDb();
  await loadFixtureCatalogue(db);
  for (const [slug, name] of [['vu-ke-hoach', 'Vụ Kế hoạch'], ['cuc-khac', 'Cục khác']] as const) {
    await db.k.insertInto('ministry_unit').values({ slug, kind: 'vu', name_vi: name, name_en: name, short_vi: name, short_en: name, valid_from: null, valid_to: null }).execute();
  }
  await loadDatasetDefinition(db, { actor: null, label: 'test' }, DATASET);
  // Published history: retail in province a grows ~10% a year; b ~5%.
  const rows = [];
  for (let y = 2019; y <= 2023; y++) {
    const k = y - 2019;
    rows.push(
      { place: 'a', indicator: 'retail_services', period: `T10/${y}`, value: 100 * 1.1 ** k },
      { place: 'a', indicator: 'retail_services', period: `10T/${y}`, value: 1000 * 1.1 ** k },
      { place: 'b', indicator: 'retail_services', period: `T10/${y}`, value: 200 * 1.05 ** k },
      { place: 'a', indicator: 'exports', period: `T10/${y}`, value: 50 },
    );
  }
  rows.push({ place: 'a', indicator: 'retail_services', period: '9T/2024', value: 1300 });
  rows.push({ place: 'a', indicator: 'retail_services', period: '2024', status: 'plan', value: 2000 });
  await importValues(db, rows, { actor: 'test', kind: 'seed', sourceDocument: 'niên giám' });
  const app = await buildApp({ db });
  return {
    db, app,
    as: (role, opts) => signInAs(app, db, role, opts),
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** Sends a request with a session's headers (and JSON body). */
export function call(app: FastifyInstance, method: string, url: string, headers: Record<string, string> | null, payload?: unknown) {
  return app.inject({ method: method as any, url, headers: headers ?? {}, payload: payload as any });
}
