// Source documents: where figures come from, and every value that traces to each.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../server/app.ts';
import { notFound } from '../server/errors.ts';
import { reference } from '../catalogue/reference.ts';
import { fromKey, periodCode } from '../periods/period.ts';
import { STATUS_NAME } from './valueModel.ts';

export async function documentRoutes(app: FastifyInstance, { db }: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/documents', { schema: { tags: ['values'], summary: 'Tài liệu nguồn / source documents' } }, async () => {
    const docs = await db.k.selectFrom('document').selectAll().orderBy('id').execute();
    return { documents: docs.map(({ unmapped, ...d }) => ({ ...d, unmapped: JSON.parse(unmapped).length })) };
  });

  r.get('/documents/:id', {
    schema: {
      tags: ['values'],
      summary: 'Một tài liệu nguồn và mọi số liệu lấy từ nó / one source document and every value read from it',
      params: z.object({ id: z.string() }),
    },
  }, async (req) => {
    const doc = await db.k.selectFrom('document').selectAll().where('id', '=', req.params.id).executeTakeFirst();
    if (!doc) throw notFound(`tài liệu "${req.params.id}"`, `Document "${req.params.id}"`);
    const ref = await reference(db);
    const rows = await db.k
      .selectFrom('change_set as c')
      .innerJoin('value as v', 'v.change_set_id', 'c.id')
      .select(['v.period', 'v.indicator_id', 'v.unit_id', 'v.value', 'v.status', 'v.growth_pct', 'v.pct_of_plan', 'v.qualifier', 'v.version', 'c.source_quote', 'c.at', 'c.actor'])
      .where('c.source_document', '=', req.params.id)
      .orderBy('c.id')
      .execute();
    return {
      ...doc,
      unmapped: JSON.parse(doc.unmapped),
      values: rows.map((v) => ({
        place: ref.unitsById.get(v.unit_id)?.slug, indicator: ref.indicatorsById.get(v.indicator_id)?.code, period: periodCode(fromKey(v.period)),
        value: v.value, unit: ref.indicatorsById.get(v.indicator_id)?.baseUnit, status: STATUS_NAME[v.status], growth_pct: v.growth_pct,
        pct_of_plan: v.pct_of_plan, qualifier: v.qualifier, version: v.version, quote: v.source_quote, at: v.at, actor: v.actor,
      })),
    };
  });
}
