// Imported boundaries: replace a geography's boundaries in one transaction, read them back as a
// GeoJSON FeatureCollection keyed by unit, and say what is there.
import type { Db } from '../../db/database.ts';
import { reference } from '../reference.ts';
import {
  matchFeatures, prepareGeometry, reaches, readBoundaryFile, type MatchOptions, type MatchReport, type MultiPolygonGeometry,
} from './boundaries.ts';
import { tileLayout, unitsOfGeography, type GeographyId } from './geographies.ts';

export interface ImportOptions extends MatchOptions {
  object?: string;
  source?: string | null;
  actor: string;
  /** Match and report only; store nothing. */
  dryRun?: boolean;
}

export interface ImportResult extends MatchReport {
  geography: GeographyId;
  saved: boolean;
  importId: number | null;
  /** Whether the file's own geometry reaches each archipelago; the map marks both in any case. */
  archipelagos: Array<{ id: string; unit: string | null; inFile: boolean }>;
}

export async function importBoundaries(db: Db, g: GeographyId, file: unknown, opts: ImportOptions): Promise<ImportResult> {
  const ref = await reference(db);
  const units = unitsOfGeography(ref, g);
  const features = readBoundaryFile(file, { object: opts.object });
  const { report, assignment } = matchFeatures(features, units, opts);
  const geometries = new Map<string, MultiPolygonGeometry>();
  for (const [slug, idx] of assignment) {
    geometries.set(slug, prepareGeometry(idx.map((i) => features[i]!.geometry!)));
  }
  const layout = tileLayout(g);
  const byCode = new Map(units.map((u) => [u.code, u.slug]));
  const archipelagos = layout.archipelagos.map((a) => {
    const unit = byCode.get(a.unit_code) ?? null;
    const geom = unit ? geometries.get(unit) : undefined;
    return { id: a.id, unit, inFile: geom ? reaches(geom, a.lon, a.lat) : false };
  });
  const result: ImportResult = { geography: g, saved: false, importId: null, ...report, archipelagos };
  if (opts.dryRun || geometries.size === 0) return result;
  const idOf = new Map(units.map((u) => [u.slug, u.id]));
  const importId = await db.k.transaction().execute(async (trx) => {
    const row = await trx.insertInto('geo_import').values({
      geography: g, at: new Date().toISOString(), actor: opts.actor, source: opts.source ?? null, report: JSON.stringify({ ...report, archipelagos }),
    }).returning('id').executeTakeFirstOrThrow();
    await trx.deleteFrom('geo_boundary').where('geography', '=', g).execute();
    const rows = [...geometries].map(([slug, geometry]) => ({
      geography: g, unit_id: idOf.get(slug)!, geometry: JSON.stringify(geometry), import_id: row.id,
    }));
    for (let i = 0; i < rows.length; i += 20) await trx.insertInto('geo_boundary').values(rows.slice(i, i + 20)).execute();
    return row.id;
  });
  return { ...result, saved: true, importId };
}

export async function deleteBoundaries(db: Db, g: GeographyId): Promise<number> {
  const r = await db.k.deleteFrom('geo_boundary').where('geography', '=', g).executeTakeFirst();
  return Number(r.numDeletedRows ?? 0);
}

export interface BoundaryStatus {
  count: number;
  importId: number | null;
  importedAt: string | null;
  source: string | null;
  actor: string | null;
}

export async function boundaryStatus(db: Db, g: GeographyId): Promise<BoundaryStatus> {
  const c = await db.k.selectFrom('geo_boundary').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('import_id').as('imp')])
    .where('geography', '=', g).executeTakeFirstOrThrow();
  const count = Number(c.n);
  if (!count || c.imp === null) return { count: 0, importId: null, importedAt: null, source: null, actor: null };
  const imp = await db.k.selectFrom('geo_import').select(['id', 'at', 'source', 'actor']).where('id', '=', Number(c.imp)).executeTakeFirst();
  return { count, importId: imp?.id ?? null, importedAt: imp?.at ?? null, source: imp?.source ?? null, actor: imp?.actor ?? null };
}

export interface BoundaryFeature {
  type: 'Feature';
  id: string;
  properties: { unit: string; code: string | null; name_vi: string; name_en: string; short_vi: string; short_en: string };
  geometry: MultiPolygonGeometry;
}

export async function readBoundaries(db: Db, g: GeographyId): Promise<{ type: 'FeatureCollection'; features: BoundaryFeature[] }> {
  const ref = await reference(db);
  const rows = await db.k.selectFrom('geo_boundary').select(['unit_id', 'geometry']).where('geography', '=', g).orderBy('unit_id').execute();
  const features: BoundaryFeature[] = [];
  for (const r of rows) {
    const u = ref.unitsById.get(r.unit_id);
    if (!u) continue;
    features.push({
      type: 'Feature', id: u.slug,
      properties: { unit: u.slug, code: u.code, name_vi: u.nameVi, name_en: u.nameEn, short_vi: u.shortVi, short_en: u.shortEn },
      geometry: JSON.parse(r.geometry) as MultiPolygonGeometry,
    });
  }
  return { type: 'FeatureCollection', features };
}
