// Table shapes of imported boundaries, merged into the store's Database type in db/schema.ts.
import type { Generated } from 'kysely';

/** One province's boundary in one geography ('63' | '34'), as an administrator imported it. */
export interface GeoBoundaryTable {
  geography: string;
  unit_id: number;
  geometry: string; // JSON: a GeoJSON MultiPolygon, wound for d3-geo, lightly simplified
  import_id: number;
}

/** Each import: who, when, which file, and the matching report. */
export interface GeoImportTable {
  id: Generated<number>;
  geography: string;
  at: string;
  actor: string;
  source: string | null;
  report: string; // JSON MatchReport
}

export interface GeoDatabase {
  geo_boundary: GeoBoundaryTable;
  geo_import: GeoImportTable;
}
