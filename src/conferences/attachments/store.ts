// Uploaded files: bytes on disk under the data folder with random names (the user's name is only ever
// data), a row per file with its owner, checked type, size and hash.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Db } from '../../db/database.ts';
import { loadConfig } from '../../config/config.ts';
import { UserError } from '../../server/errors.ts';
import { checkFile, describeProblem } from './files.ts';

export interface FileStorage {
  dir: string;
  maxBytes: number;
}

export function storageFromConfig(): FileStorage {
  const c = loadConfig();
  return { dir: join(c.dataDir, 'attachments'), maxBytes: c.uploadMaxBytes };
}

export type OwnerKind = 'conference_document' | 'recommendation' | 'assignment' | 'progress' | 'difficulty';

export interface AttachmentView {
  id: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
  url: string;
}

export function attachmentView(r: { id: string; file_name: string; mime: string; size: number; sha256: string; uploaded_by: string; uploaded_at: string }): AttachmentView {
  return { id: r.id, file_name: r.file_name, mime: r.mime, size: Number(r.size), sha256: r.sha256, uploaded_by: r.uploaded_by, uploaded_at: r.uploaded_at, url: `/api/attachments/${r.id}` };
}

export function refuseFile(rawName: string, data: Uint8Array, maxBytes: number) {
  const c = checkFile(rawName, data, maxBytes);
  if (!c.ok) {
    const d = describeProblem(c.problem);
    throw new UserError(d.status, d.code, d.vi, d.en);
  }
  return c.file;
}

export async function saveAttachment(
  db: Db, storage: FileStorage,
  a: { ownerKind: OwnerKind; ownerId: number; fileName: string; data: Buffer; uploadedBy: string },
): Promise<AttachmentView> {
  const file = refuseFile(a.fileName, a.data, storage.maxBytes);
  const id = randomUUID();
  const now = new Date();
  const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
  const path = pathOf(storage, key);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, a.data, { flag: 'wx', mode: 0o600 });
  const row = {
    id, owner_kind: a.ownerKind, owner_id: a.ownerId, file_name: file.name, mime: file.type.mime, size: a.data.byteLength,
    sha256: createHash('sha256').update(a.data).digest('hex'), storage_key: key, uploaded_by: a.uploadedBy, uploaded_at: now.toISOString(),
  };
  try {
    await db.k.insertInto('attachment').values(row).execute();
  } catch (e) {
    await rm(path, { force: true });
    throw e;
  }
  return attachmentView(row);
}

/** Storage keys are ours, but resolve defensively: a key can never leave the attachments folder. */
function pathOf(storage: FileStorage, key: string): string {
  const root = resolve(storage.dir);
  const p = resolve(root, key);
  if (!p.startsWith(root + sep)) throw new Error('storage key outside the attachments folder');
  return p;
}

export async function getAttachment(db: Db, id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  return db.k.selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirst();
}

export function openAttachment(storage: FileStorage, key: string) {
  return createReadStream(pathOf(storage, key));
}

export async function listAttachments(db: Db, ownerKind: OwnerKind, ownerIds: number[]): Promise<Map<number, AttachmentView[]>> {
  const out = new Map<number, AttachmentView[]>();
  if (!ownerIds.length) return out;
  const rows = await db.k.selectFrom('attachment').selectAll().where('owner_kind', '=', ownerKind).where('owner_id', 'in', ownerIds).orderBy('uploaded_at').execute();
  for (const r of rows) {
    const list = out.get(r.owner_id) ?? [];
    list.push(attachmentView(r));
    out.set(r.owner_id, list);
  }
  return out;
}

export async function deleteAttachment(db: Db, storage: FileStorage, id: string): Promise<void> {
  const row = await getAttachment(db, id);
  if (!row) return;
  await db.k.deleteFrom('attachment').where('id', '=', id).execute();
  await rm(pathOf(storage, row.storage_key), { force: true });
}
