// Uploads and downloads over HTTP: one file per multipart request (with its text fields), refused
// early when too large or not multipart; downloads always as attachments that browsers never sniff.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { UserError } from '../../server/errors.ts';
import type { ActorLike } from '../roles.ts';
import { describeProblem, contentDisposition } from './files.ts';
import { getAttachment, openAttachment, type FileStorage } from './store.ts';
import type { Db } from '../../db/database.ts';

export async function registerMultipart(scope: FastifyInstance, storage: FileStorage): Promise<void> {
  await scope.register(multipart, {
    limits: { fileSize: storage.maxBytes, files: 1, fields: 20, fieldSize: 20_000, parts: 25 },
  });
}

export interface Upload {
  fileName: string;
  data: Buffer;
  fields: Record<string, string>;
}

/** Reads the request's one file and its fields; every refusal is a UserError in Vietnamese first. */
export async function receiveUpload(req: FastifyRequest, storage: FileStorage): Promise<Upload> {
  if (!req.isMultipart()) {
    throw new UserError(415, 'multipart_required', 'Cần gửi tệp dạng multipart/form-data (trường "file").',
      'Send the file as multipart/form-data (field "file").');
  }
  const fields: Record<string, string> = {};
  let upload: { fileName: string; data: Buffer } | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (upload) throw new UserError(422, 'one_file_only', 'Mỗi lần chỉ tải lên một tệp.', 'Upload one file at a time.');
        upload = { fileName: part.filename, data: await part.toBuffer() };
      } else fields[part.fieldname] = String(part.value ?? '');
    }
  } catch (e: any) {
    if (e instanceof UserError) throw e;
    if (e?.code === 'FST_REQ_FILE_TOO_LARGE') {
      const d = describeProblem({ code: 'too_large', maxBytes: storage.maxBytes });
      throw new UserError(d.status, d.code, d.vi, d.en);
    }
    if (e?.code === 'FST_FILES_LIMIT') throw new UserError(422, 'one_file_only', 'Mỗi lần chỉ tải lên một tệp.', 'Upload one file at a time.');
    throw e;
  }
  if (!upload) throw new UserError(422, 'file_missing', 'Chưa chọn tệp (trường "file").', 'No file was sent (field "file").');
  return { ...upload, fields };
}

export type Visibility = (db: Db, ownerId: number, actor: ActorLike | null) => Promise<boolean>;

// Each capability says who may read the files it owns (a conference's public documents, a published
// recommendation's answers…); an owner kind nobody registered is readable by nobody.
const visibility = new Map<string, Visibility>();
export function registerVisibility(ownerKind: string, fn: Visibility): void {
  visibility.set(ownerKind, fn);
}

export async function sendAttachment(db: Db, storage: FileStorage, id: string, actor: ActorLike | null, reply: FastifyReply) {
  const row = await getAttachment(db, id);
  const allowed = row ? await (visibility.get(row.owner_kind)?.(db, row.owner_id, actor) ?? false) : false;
  // The same 404 whether it does not exist or may not be seen: ids of private files are not confirmed.
  if (!row || !allowed) {
    if (row && !actor) throw new UserError(401, 'unauthenticated', 'Cần đăng nhập để tải tệp này.', 'Sign in to download this file.');
    throw new UserError(404, 'not_found', 'Không tìm thấy tệp.', 'File not found.');
  }
  return reply
    .header('Content-Type', row.mime)
    .header('Content-Length', String(row.size))
    .header('Content-Disposition', contentDisposition(row.file_name))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .header('Cache-Control', 'private, no-store')
    .send(openAttachment(storage, row.storage_key));
}
