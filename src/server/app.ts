// The HTTP application: API under /api, its OpenAPI document at /openapi.json, browsable at /docs,
// and the start page at /. Each capability registers its own routes.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Db } from '../db/database.ts';
import { registerErrorHandler } from './errors.ts';
import { installOps } from '../ops/http/plugin.ts';
import { opsServerOptions } from '../ops/http/serverOptions.ts';
import type { Config } from '../config/config.ts';
import { installSecurityHeaders } from './securityHeaders.ts';
import { installAnswerResponses } from './answerResponses.ts';
import { catalogueRoutes } from '../catalogue/routes.ts';
import { valueRoutes } from '../collection/routes.ts';
import { documentRoutes } from '../collection/documentRoutes.ts';
import { analyticsRoutes } from '../analytics/routes.ts';
import { registerWeb } from './web.ts';
import { geoRoutes } from '../catalogue/geo/routes.ts';
import { exploreRoutes } from '../analytics/exploreRoutes.ts';
import { installAccess } from '../access/plugin.ts';
import { accessRoutes } from '../access/routes.ts';
import { collectionWorkflowRoutes } from '../collection/workflowRoutes.ts';
import { conferenceRoutes } from '../conferences/routes.ts';
import { followupRoutes } from '../followup/routes.ts';
import { reportRoutes } from '../reports/routes.ts';
import { extractionRoutes } from '../extraction/routes.ts';
import './compose.ts';

export interface AppOptions {
  db: Db;
  logLevel?: string;
  config?: Config; // the validated configuration (serve passes it; tests may omit it)
}

export type App = FastifyInstance & { withTypeProvider(): any };

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logLevel && opts.logLevel !== 'silent' ? { level: opts.logLevel } : false,
    bodyLimit: 20 * 1024 * 1024,
    ...opsServerOptions(opts), // JSON logs, request ids, trusted proxies (src/ops)
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await installOps(app, { db: opts.db, config: opts.config }); // /health, /ready, /metrics, request log
  installSecurityHeaders(app);
  await installAccess(app, { db: opts.db });
  installAnswerResponses(app, { db: opts.db }); // dashboard reads from memory until the store changes
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Công Thương Vùng API',
        description:
          'Số liệu ngành Công Thương theo tỉnh và vùng: danh mục, số liệu, tổng hợp vùng. ' +
          '/ Industry and Trade figures by province and region: catalogue, values, regional aggregates.',
        version: '0.1.0',
      },
      tags: [
        { name: 'catalogue', description: 'Danh mục: đơn vị, vùng, chỉ tiêu / Catalogue: units, regions, indicators' },
        { name: 'values', description: 'Số liệu và lịch sử sửa đổi / Values and their revisions' },
        { name: 'analytics', description: 'Tổng hợp vùng / Regional aggregates' },
        { name: 'access', description: 'Đăng nhập, tài khoản, nhật ký thao tác / Sign-in, accounts, audit log' },
        { name: 'collection', description: 'Báo cáo của tỉnh: bộ số liệu, lịch, nhập, nộp, duyệt / Provinces\' reports: data sets, calendar, entry, submission, review' },
        { name: 'conferences', description: 'Hội nghị khu vực, đăng cai, khó khăn vướng mắc / Regional conferences, hosts, difficulties' },
        { name: 'follow-up', description: 'Kiến nghị, nhiệm vụ và tiến độ sau hội nghị / Recommendations, tasks and progress' },
        { name: 'reports', description: 'Báo cáo viết từ số liệu: HTML, Word, PDF, Excel / Reports written from the data' },
        { name: 'extraction', description: 'Đọc số liệu từ văn bản, bài báo / Figures read from reports and articles' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const ctx = { db: opts.db };
  await app.register(async (api) => {
    await catalogueRoutes(api, ctx);
    await accessRoutes(api, ctx);
    await collectionWorkflowRoutes(api, ctx);
    await valueRoutes(api, ctx);
    await documentRoutes(api, ctx);
    await analyticsRoutes(api, ctx);
    await geoRoutes(api, ctx);
    await exploreRoutes(api, ctx);
    await conferenceRoutes(api, ctx);
    await followupRoutes(api, ctx);
    await reportRoutes(api, ctx);
    await extractionRoutes(api, ctx);
  }, { prefix: '/api' });
  await registerWeb(app);
  return app;
}

export interface RouteContext {
  db: Db;
}
