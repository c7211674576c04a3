// Map API: the geographies (63 until 30 June 2025, 34 from 1 July 2025), their tile grids, imported
// boundaries, and the boundary import (administrators only) with its matching report.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../../server/app.ts';
import { UserError } from '../../server/errors.ts';
import { requireRole } from '../../access/guards.ts';
import { reference } from '../reference.ts';
import { BoundaryFileError } from './boundaries.ts';
import { boundaryStatus, deleteBoundaries, importBoundaries, readBoundaries } from './geoStore.ts';
import { GEOGRAPHY_IDS, geographyOn, isGeography, tileGrid, tileLayout, unitsOfGeography, type GeographyId } from './geographies.ts';

const geographyParam = z.object({ geography: z.string().describe('63 | 34') });

function geographyOf(s: string): GeographyId {
  if (!isGeography(s)) {
    throw new UserError(404, 'not_found', `Không có bản đồ "${s}" (có: 63, 34).`, `No map "${s}" (there are: 63, 34).`);
  }
  return s;
}

export async function geoRoutes(app: FastifyInstance, { db }: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/geo', {
    schema: {
      tags: ['catalogue'],
      summary: 'Các bản đồ tỉnh (63 / 34) và bản đồ áp dụng cho một ngày / the province maps and the one in force on a date',
      querystring: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }),
    },
  }, async (req) => {
    const date = req.query.date ?? new Date().toISOString().slice(0, 10);
    const ref = await reference(db);
    const geographies = [];
    for (const g of GEOGRAPHY_IDS) {
      const l = tileLayout(g);
      const st = await boundaryStatus(db, g);
      geographies.push({
        id: g, date: l.date, valid_from: l.valid_from ?? null, valid_to: l.valid_to ?? null, label_vi: l.label_vi, label_en: l.label_en,
        units: unitsOfGeography(ref, g).length, boundaries: { count: st.count, imported_at: st.importedAt, source: st.source },
      });
    }
    return { date, current: geographyOn(date), geographies };
  });

  r.get('/geo/:geography', {
    schema: {
      tags: ['catalogue'],
      summary: 'Bản đồ ô lưới của các tỉnh (mỗi tỉnh một ô), Hoàng Sa và Trường Sa, tình trạng ranh giới / tile grid, archipelagos, boundary status',
      params: geographyParam,
    },
  }, async (req) => {
    const g = geographyOf(req.params.geography);
    const grid = tileGrid(await reference(db), g);
    const st = await boundaryStatus(db, g);
    return { ...grid, boundaries: { count: st.count, import_id: st.importId, imported_at: st.importedAt, source: st.source } };
  });

  r.get('/geo/:geography/boundaries', {
    schema: {
      tags: ['catalogue'],
      summary: 'Ranh giới đã nhập (GeoJSON, mỗi tỉnh một đối tượng) / imported boundaries as GeoJSON, one feature per province',
      params: geographyParam,
    },
  }, async (req, reply) => {
    const g = geographyOf(req.params.geography);
    const st = await boundaryStatus(db, g);
    if (!st.count) {
      throw new UserError(404, 'not_found', `Bản đồ ${g} tỉnh chưa có ranh giới: quản trị viên có thể nhập tệp GeoJSON hoặc TopoJSON.`,
        `The ${g}-province map has no boundaries yet: an administrator can import a GeoJSON or TopoJSON file.`);
    }
    const etag = `"geo-${g}-${st.importId}-${st.count}"`;
    reply.header('etag', etag).header('cache-control', 'no-cache');
    if (req.headers['if-none-match'] === etag) return reply.status(304).send();
    return readBoundaries(db, g);
  });

  r.post('/geo/:geography/boundaries', {
    preHandler: requireRole('admin'),
    schema: {
      tags: ['catalogue'],
      summary: 'Nhập ranh giới (GeoJSON hoặc TopoJSON), khớp với đơn vị theo mã hoặc tên, kèm báo cáo / import boundaries, matched by code or name, with a report',
      description: 'Chỉ quản trị viên. Gửi nội dung tệp làm thân yêu cầu (application/json). dry_run=true: chỉ khớp và báo cáo. ' +
        'Ranh giới thay thế toàn bộ ranh giới cũ của bản đồ này. / Administrators only. dry_run=true matches and reports without storing; ' +
        'an import replaces the geography\'s boundaries.',
      params: geographyParam,
      querystring: z.object({
        by: z.enum(['auto', 'code', 'name']).default('auto'),
        property: z.string().max(100).optional().describe('thuộc tính chứa mã hoặc tên / the property holding the code or the name'),
        object: z.string().max(200).optional().describe('TopoJSON: tên đối tượng / the object to read'),
        source: z.string().max(500).optional().describe('tên tệp, nguồn / file name or source'),
        dry_run: z.enum(['true', 'false']).default('false'),
      }),
      body: z.unknown(),
    },
  }, async (req, reply) => {
    const g = geographyOf(req.params.geography);
    try {
      const result = await importBoundaries(db, g, req.body, {
        by: req.query.by, property: req.query.property, object: req.query.object, source: req.query.source ?? null,
        actor: req.actor?.username ?? 'admin', dryRun: req.query.dry_run === 'true',
      });
      return reply.status(result.saved ? 201 : 200).send(result);
    } catch (e) {
      if (e instanceof BoundaryFileError) throw new UserError(422, 'bad_file', e.messageVi, e.messageEn);
      throw e;
    }
  });

  r.delete('/geo/:geography/boundaries', {
    preHandler: requireRole('admin'),
    schema: { tags: ['catalogue'], summary: 'Xóa ranh giới đã nhập (bản đồ trở về ô lưới) / remove imported boundaries', params: geographyParam },
  }, async (req) => {
    const g = geographyOf(req.params.geography);
    return { geography: g, deleted: await deleteBoundaries(db, g) };
  });
}
