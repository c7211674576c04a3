// The monthly report's life, as the crash campaign drives it: a province officer downloads the Excel
// template, fills it and uploads it (the entries are stored all or nothing), submits; an analyst
// approves, which publishes the entries as values in one transaction. The server may be killed at any
// of those instants. What must hold afterwards:
//   - an acknowledged upload's entries are all there with its values; an upload with no answer left
//     all of them or none; a refused one none;
//   - an approval is a ledger operation like any write (its values and its change set, all or nothing),
//     and an acknowledged approval leaves its report approved.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { loadDatasetDefinition } from '../../collection/datasets/defaults.ts';
import { createAccount } from '../../access/accounts.ts';
import { COL, DATA_SHEET, FIRST_ROW } from '../../collection/excel/layout.ts';
import { fromKey, makePeriod } from '../../periods/core.ts';
import { periodCode } from '../../periods/codes.ts';
import { opNote, type Ledger, type Outcome } from './ledger.ts';
import { signInOverHttp, SignInError, type HttpSession } from './server.ts';

export const CHAIN_DATASET = 'crash-thang';
/** Indicators nothing else in the campaign writes, so their values have one story: the approvals. */
export const CHAIN_INDICATORS = ['product_electricity', 'product_cement'];
const OFFICER_PASSWORD = 'mật-khẩu-cán-bộ-thử-sập-2026';
const CHAIN_PROVINCES = 3;
const CHAIN_MONTHS = Array.from({ length: 180 }, (_, i) => periodCode(makePeriod('month', 2010 + Math.floor(i / 12), (i % 12) + 1)));

type Session = HttpSession;
export interface UploadRecord { province: string; period: string; values: Map<string, number>; outcome: Outcome }

/** The data set and one officer per province the chains use, created before the first start. */
export async function prepareChains(db: Db, provinces: string[]): Promise<string[]> {
  await loadDatasetDefinition(db, { actor: null, label: 'crash' }, {
    code: CHAIN_DATASET, name_vi: 'Báo cáo tháng (thử sập máy)', name_en: 'Monthly report (crash test)', periodicity: 'month',
    items: CHAIN_INDICATORS.map((indicator) => ({ indicator, basis: 'period' })),
  });
  const chosen = provinces.slice(0, CHAIN_PROVINCES);
  for (const p of chosen) {
    await createAccount(db, { actor: null, label: 'crash' }, { username: officerName(p), displayName: `Cán bộ ${p}`, password: OFFICER_PASSWORD, role: 'province_officer', province: p });
  }
  return chosen;
}

const officerName = (province: string) => `crash.${province}`.slice(0, 64);

export class ReportChains {
  readonly uploads: UploadRecord[] = [];
  private next = 0;
  private officers = new Map<string, Session>();

  constructor(
    private readonly ledger: Ledger,
    private readonly provinces: string[],
    private readonly value: (op: number, i: number) => number,
  ) {}

  get exhausted(): boolean {
    return this.next >= this.provinces.length * CHAIN_MONTHS.length;
  }

  /**
   * One report, from template to approval, on a (province, month) of its own. Returns false when the
   * server stopped answering (the chain is abandoned there; what it left is checked after the kill).
   */
  async run(base: string, analyst: Session): Promise<boolean> {
    const k = this.next++;
    const province = this.provinces[k % this.provinces.length]!;
    const period = CHAIN_MONTHS[Math.floor(k / this.provinces.length)]!;
    const officer = await this.officer(base, province);
    if (!officer) return false;
    const q = `dataset=${CHAIN_DATASET}&province=${province}&period=${encodeURIComponent(period)}`;

    const template = await call(base, 'GET', `/api/collection/template?${q}`, officer);
    if (!template || template.status !== 200) return fail(template, 'template');
    const values = new Map(CHAIN_INDICATORS.map((c, i) => [c, this.value(this.uploads.length + 1, i)]));
    const upload: UploadRecord = { province, period, values, outcome: 'pending' };
    this.uploads.push(upload);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await fill(Buffer.from(await template.arrayBuffer()), values))]), `${province}-${period}.xlsx`.replace(/\//g, '-'));
    const up = await call(base, 'POST', `/api/collection/upload?${q}`, officer, form);
    upload.outcome = outcomeOf(up);
    if (upload.outcome !== 'acked') return fail(up, 'upload', upload.outcome === 'unknown');

    const grid = await call(base, 'GET', `/api/collection/grid?${q}`, officer);
    if (!grid || grid.status !== 200) return fail(grid, 'grid');
    const sub = (await grid.json()).submission as { id: number; version: number };
    const submitted = await call(base, 'POST', `/api/collection/submissions/${sub.id}/submit`, officer, { version: sub.version });
    if (!submitted || submitted.status !== 200) return fail(submitted, 'submit');
    const { version } = (await submitted.json()) as { version: number };

    const writes = new Map([...values].map(([c, v]) => [`${province}|${c}|${period}`, v]));
    const op = this.ledger.begin('approval', writes);
    const approved = await call(base, 'POST', `/api/collection/submissions/${sub.id}/approve`, analyst, { version, comment: opNote(op) });
    op.outcome = outcomeOf(approved);
    if (op.outcome === 'refused') throw new Error(`approval ${op.id} refused: ${approved!.status} ${await approved!.text()}`);
    return op.outcome === 'acked';
  }

  private async officer(base: string, province: string): Promise<Session | null> {
    const known = this.officers.get(province);
    if (known) return known;
    let s: Session;
    try {
      s = await signInOverHttp(base, { username: officerName(province), password: OFFICER_PASSWORD });
    } catch (e) {
      if (!(e instanceof SignInError) || e.status >= 500) return null; // no answer: the server died
      throw e;
    }
    this.officers.set(province, s);
    return s;
  }
}

/**
 * The template with the officer's figures typed into its value column, each with a comment: the
 * campaign's values jump from month to month, which the growth check rightly asks to explain.
 */
async function fill(template: Buffer, values: Map<string, number>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(DATA_SHEET)!;
  for (let r = FIRST_ROW; r <= ws.rowCount; r++) {
    const v = values.get(String(ws.getRow(r).getCell(COL.code).value ?? ''));
    if (v === undefined) continue;
    ws.getRow(r).getCell(COL.value).value = v;
    ws.getRow(r).getCell(COL.comment).value = 'Số liệu thử nghiệm sập máy / crash-test figure';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function call(base: string, method: string, path: string, who: Session, body?: unknown): Promise<Response | null> {
  const headers: Record<string, string> = { cookie: who.cookie, 'x-csrf-token': who.csrf };
  if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
  try {
    return await fetch(`${base}${path}`, {
      method, headers, signal: AbortSignal.timeout(60_000),
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
  } catch {
    return null; // no answer: the server died with the request in flight
  }
}

function outcomeOf(r: Response | null): Outcome {
  if (!r || r.status >= 500) return 'unknown';
  return r.status === 200 || r.status === 201 ? 'acked' : 'refused';
}

/** A step without an answer ends the chain; a step refused is the campaign's own mistake, said loudly. */
async function fail(r: Response | null, step: string, died = r === null || r.status >= 500): Promise<false> {
  if (died) return false;
  throw new Error(`report chain, ${step}: ${r!.status} ${(await r!.text()).slice(0, 500)}`);
}

/** Every broken rule of the uploads and approved reports above, in words. */
export async function chainViolations(db: Db, uploads: UploadRecord[], ledger: Ledger): Promise<string[]> {
  const rows = (await sql<{ unit: string; period: number; indicator: string; value: number | null; status: string }>`
    SELECT u.slug AS unit, e.period, i.code AS indicator, e.value, s.status
    FROM submission_entry e JOIN submission s ON s.id = e.submission_id JOIN dataset d ON d.id = s.dataset_id
    JOIN unit u ON u.id = s.unit_id JOIN indicator i ON i.id = e.indicator_id
    WHERE d.code = ${CHAIN_DATASET}`.execute(db.k)).rows;
  const stored = new Map<string, Map<string, number | null>>();
  const status = new Map<string, string>();
  for (const r of rows) {
    const k = `${r.unit}|${periodCode(fromKey(Number(r.period)))}`;
    (stored.get(k) ?? stored.set(k, new Map()).get(k)!).set(r.indicator, r.value === null ? null : Number(r.value));
    status.set(k, r.status);
  }
  const out: string[] = [];
  const same = (a: Map<string, number | null> | undefined, b: Map<string, number>) =>
    !!a && a.size === b.size && [...b].every(([c, v]) => Math.abs((a.get(c) ?? NaN) - v) <= 1e-9 * Math.max(1, Math.abs(v)));
  for (const u of uploads) {
    const k = `${u.province}|${u.period}`;
    const got = stored.get(k);
    const whole = same(got, u.values);
    if (u.outcome === 'acked' && !whole) out.push(`tải lên ${k} đã xác nhận nhưng thiếu số / acknowledged upload incomplete: ${JSON.stringify([...(got ?? [])])}`);
    if (u.outcome === 'unknown' && got && !whole) out.push(`tải lên ${k} ghi dở / half-written upload: ${JSON.stringify([...got])}`);
    if (u.outcome === 'refused' && got) out.push(`tải lên ${k} bị từ chối nhưng đã ghi / refused upload written`);
  }
  for (const op of ledger.ops) {
    if (op.kind !== 'approval' || op.outcome !== 'acked') continue;
    const [province, , period] = [...op.writes.keys()][0]!.split('|');
    const s = status.get(`${province}|${period}`);
    if (s !== 'approved') out.push(`duyệt ${province}|${period} đã xác nhận nhưng báo cáo ở trạng thái ${s ?? 'không có'} / acknowledged approval, report ${s ?? 'absent'}`);
  }
  return out;
}
