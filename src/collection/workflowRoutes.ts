// The reporting workflow's routes (data sets, calendar, reports, uploads), in their own scope so that
// their multipart parser and its limits apply to them only.
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../server/app.ts';
import { datasetRoutes } from './datasets/routes.ts';
import { LIMITS } from './excel/layout.ts';
import { submissionRoutes } from './submissions/routes.ts';
import { demoRoutes } from './demo/routes.ts';

export async function collectionWorkflowRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: LIMITS.bytes, files: 1, fields: 5, parts: 6, fieldSize: 10_000 } });
    await datasetRoutes(scope, ctx);
    await submissionRoutes(scope, ctx);
  });
  await demoRoutes(app, ctx);
}
