// Disaggregations: each combination of dimension options (a "breakdown") gets an id once, on first use.
import type { Db } from '../db/database.ts';
import type { BreakdownResolver } from './resolveInput.ts';

export async function loadBreakdownResolver(db: Db): Promise<BreakdownResolver> {
  const rows = await db.k
    .selectFrom('dimension_option as o')
    .innerJoin('dimension as d', 'd.id', 'o.dimension_id')
    .select(['d.code as dim', 'o.code as opt', 'o.id'])
    .execute();
  const options = new Map<string, Map<string, number>>();
  for (const r of rows) (options.get(r.dim) ?? options.set(r.dim, new Map()).get(r.dim)!).set(r.opt, r.id);
  return { options };
}

/** Ids of the given signatures, creating the missing ones (with their option links). */
export async function ensureBreakdowns(db: Db, dims: BreakdownResolver, signatures: Iterable<string>): Promise<Map<string, number>> {
  const wanted = [...new Set(signatures)].filter((s) => s !== '');
  const ids = new Map<string, number>([['', 0]]);
  if (!wanted.length) return ids;
  const find = async () => {
    for (let i = 0; i < wanted.length; i += 500) {
      const rows = await db.k.selectFrom('breakdown').select(['id', 'signature']).where('signature', 'in', wanted.slice(i, i + 500)).execute();
      for (const r of rows) ids.set(r.signature, r.id);
    }
  };
  await find();
  const missing = wanted.filter((s) => !ids.has(s));
  if (missing.length) {
    await db.k.transaction().execute(async (trx) => {
      for (const signature of missing) {
        const r = await trx.insertInto('breakdown').values({ signature }).onConflict((oc) => oc.column('signature').doNothing()).returning('id').executeTakeFirst();
        if (!r) continue; // created concurrently: found below
        const links = signature.split(';').map((kv) => {
          const [dim, opt] = kv.split('=') as [string, string];
          return { breakdown_id: r.id, option_id: dims.options.get(dim)!.get(opt)! };
        });
        await trx.insertInto('breakdown_option').values(links).execute();
      }
    });
    await find();
  }
  return ids;
}
