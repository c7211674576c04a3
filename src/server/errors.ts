// One error shape for the whole API: { error: { code, message (vi), messageEn, details? } }.
import type { FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { WriteRejected } from '../collection/writeValues.ts';
import { ImportRejected } from '../collection/importValues.ts';

export class UserError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(messageEn);
  }
}

export const notFound = (what: string, whatEn: string) =>
  new UserError(404, 'not_found', `Không tìm thấy ${what}.`, `${whatEn} not found.`);

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: any, req, reply) => {
    if (err instanceof UserError) {
      return reply.status(err.status).send({
        error: { code: err.code, message: err.messageVi, messageEn: err.messageEn, details: err.details },
      });
    }
    if (err instanceof ImportRejected) {
      return reply.status(422).send({
        error: {
          code: 'rejected', message: `Không có gì được ghi: ${err.errors.length} lỗi.`,
          messageEn: `Nothing was written: ${err.errors.length} errors.`, details: err.errors,
        },
      });
    }
    if (err instanceof WriteRejected) {
      const conflict = err.problems.some((p) => p.code === 'conflict');
      return reply.status(conflict ? 409 : 422).send({
        error: {
          code: conflict ? 'conflict' : 'rejected',
          message: 'Không lưu được: có số liệu bị từ chối, không có gì được ghi.',
          messageEn: 'Nothing was saved: some values were refused.',
          details: err.problems,
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      return reply.status(400).send({
        error: {
          code: 'invalid_request',
          message: 'Yêu cầu không hợp lệ: ' + err.validation.map((v: any) => `${v.instancePath || '/'} ${v.message}`).join('; '),
          messageEn: 'Invalid request.',
          details: err.validation,
        },
      });
    }
    if (err.statusCode && err.statusCode < 500) {
      return reply.status(err.statusCode).send({
        error: { code: err.code ?? 'bad_request', message: 'Yêu cầu không hợp lệ.', messageEn: err.message },
      });
    }
    req.log.error(err);
    return reply.status(500).send({
      error: { code: 'internal', message: 'Lỗi máy chủ; đã ghi nhật ký.', messageEn: 'Server error; it has been logged.' },
    });
  });
}
