// GET /api/demo: whether this server runs in demo mode, and then the demo accounts and their password
// for the sign-in page. Public by design (the password is the demo's, printed in the README); outside
// demo mode it says only { demo: false }.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../../server/app.ts';
import { demoInfo } from './demoAccounts.ts';

export async function demoRoutes(app: FastifyInstance, { db }: RouteContext): Promise<void> {
  app.get('/demo', {
    schema: {
      tags: ['access'],
      summary: 'Chế độ trình diễn: tài khoản thử nghiệm (chỉ khi chạy serve --demo) / demo mode: the demo accounts (serve --demo only)',
    },
  }, async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return demoInfo(db);
  });
}
