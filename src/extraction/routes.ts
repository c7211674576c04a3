// Extraction API: read a pasted text or an uploaded document into readings with proposals; accept the
// (corrected) proposals as values whose source is the document and the sentence each came from.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../server/app.ts';
import { UserError } from '../server/errors.ts';
import { requireRole } from '../access/guards.ts';
import { masterData } from '../catalogue/masterData.ts';
import { valueInputSchema } from '../collection/valueInput.ts';
import { DocumentError, readDocument } from './documents.ts';
import { extractFigures } from './extract.ts';
import { propose } from './accept.ts';
import { confidenceOf } from './confidence.ts';
import { acceptReadings } from './acceptStore.ts';

const readBody = z.object({
  text: z.string().max(2_000_000).optional().describe('văn bản dán vào / pasted text'),
  filename: z.string().max(255).optional().describe('tên tệp (.txt, .docx, .html, .pdf) / file name'),
  content_base64: z.string().max(40_000_000).optional().describe('nội dung tệp, base64 / file content, base64'),
  document_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe('ngày của bài khi văn bản không nêu / the document date'),
}).refine((b) => !!b.text || !!(b.filename && b.content_base64), { message: 'Cần văn bản hoặc tệp / text or a file is required' });

const acceptBody = z.object({
  document: z.object({
    title: z.string().min(1).max(500), publisher: z.string().max(200).optional(), published_on: z.string().max(10).optional(),
    url: z.string().max(2000).optional(),
  }),
  figures: z.array(valueInputSchema.extend({ quote: z.string().min(1).max(4000) })).min(1).max(2000),
});

export async function extractionRoutes(app: FastifyInstance, { db }: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ministry = requireRole('admin', 'analyst');

  r.post('/extraction/read', {
    preHandler: ministry,
    schema: {
      tags: ['extraction'],
      summary: 'Đọc số liệu trong văn bản hoặc tệp / read the figures in a text or a document',
      description: 'Mỗi số liệu kèm cách đọc (chỉ tiêu, địa phương, kỳ, giá trị, tăng trưởng, % kế hoạch, trạng thái, từ định lượng), vị trí trong văn bản, đề xuất ghi và độ tin cậy (cao, trung bình, thấp) với lý do. / Each reading with its explanation, offsets, a proposal and a confidence (high, medium, low) with its reasons.',
      body: readBody,
    },
  }, async (req) => {
    let text = req.body.text ?? '';
    let documentDate = req.body.document_date;
    let source: string | null = req.body.filename ?? null;
    if (req.body.content_base64 && req.body.filename) {
      try {
        const doc = await readDocument(Buffer.from(req.body.content_base64, 'base64'), req.body.filename);
        text = doc.text;
        documentDate ??= doc.documentDate;
        source = doc.source ?? source;
      } catch (e) {
        if (e instanceof DocumentError) {
          const [vi, en] = e.message.split(' / ');
          throw new UserError(422, e.code, vi ?? e.message, en ?? e.message);
        }
        throw e;
      }
    }
    const result = extractFigures(text, { sourceName: source ?? undefined, documentDate });
    const md = masterData();
    return {
      source: result.source, text,
      figures: result.figures.map((f) => {
        const proposal = propose(md, f);
        return { ...f, proposal, confidence: confidenceOf(f, proposal) };
      }),
    };
  });

  r.post('/extraction/accept', {
    preHandler: ministry,
    schema: {
      tags: ['extraction'],
      summary: 'Ghi các số liệu đã duyệt, nguồn là tài liệu và câu / save accepted readings as values sourced to the document and sentence',
      body: acceptBody,
    },
  }, async (req, reply) => {
    const res = await acceptReadings(db, req.body, req.actor!.username);
    return reply.status(201).send(res);
  });
}
