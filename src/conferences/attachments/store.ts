// Uploaded files: bytes on disk under the data folder with random names (the user's name is only ever
// data), a row per file with its owner, checked type, size and hash.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
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

type Tx = Transaction<Database>;

/** Stores an uploaded file: the bytes first (under a random name), then, in one transaction, whatever
 *  owns it (`owner` may create its owner row and return its id), the file's row and `after` (the audit
 *  entry). If the transaction fails the bytes are removed, so no row points to a missing file and no
 *  file is left without its row. */
export async function saveAttachment(
  db: Db, storage: FileStorage,
  a: { ownerKind: OwnerKind; ownerId: number | ((tx: Tx, attachmentId: string) => Promise<number>); fileName: string; data: Buffer; uploadedBy: string },
  after?: (tx: Tx, file: AttachmentView) => Promise<void>,
): Promise<AttachmentView> {
  const file = refuseFile(a.fileName, a.data, storage.maxBytes);
  const id = randomUUID();
  const now = new Date();
  const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
  const path = pathOf(storage, key);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, a.data, { flag: 'wx', mode: 0o600 });
  try {
    return await db.k.transaction().execute(async (tx) => {
      const row = {
        id, owner_kind: a.ownerKind, owner_id: 0, file_name: file.name, mime: file.type.mime, size: a.data.byteLength,
        sha256: createHash('sha256').update(a.data).digest('hex'), storage_key: key, uploaded_by: a.uploadedBy, uploaded_at: now.toISOString(),
      };
      row.owner_id = typeof a.ownerId === 'function' ? await a.ownerId(tx, id) : a.ownerId;
      await tx.insertInto('attachment').values(row).execute();
      const view = attachmentView(row);
      await after?.(tx, view);
      return view;
    });
  } catch (e) {
    await rm(path, { force: true });
    throw e;
  }
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

/** Deletes attachment rows inside the caller's transaction; returns the storage keys, whose bytes the
 *  caller removes with removeFiles once the transaction has committed. */
export async function deleteAttachmentRows(tx: Kysely<Database> | Tx, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await tx.selectFrom('attachment').select('storage_key').where('id', 'in', ids).execute();
  await tx.deleteFrom('attachment').where('id', 'in', ids).execute();
  return rows.map((r) => r.storage_key);
}

export async function removeFiles(storage: FileStorage, keys: string[]): Promise<void> {
  for (const k of keys) await rm(pathOf(storage, k), { force: true });
}
