// A province's monthly Excel (~200 values): downloaded, filled, uploaded; the upload (read, checked,
// stored with its audit entry) is timed end to end through the HTTP layer.
import ExcelJS from 'exceljs';
import { signInAs } from '../../src/access/testing.ts';
import { COL, DATA_SHEET, FIRST_ROW } from '../../src/collection/excel/layout.ts';
import type { Bench } from './setup.ts';
import { summary } from './stats.ts';

function multipart(name: string, data: Buffer) {
  const boundary = '----bench' + Math.random().toString(16).slice(2);
  return {
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      data, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

export async function benchExcelUpload(b: Bench, runs: number) {
  const times: number[] = [];
  const cpu: number[] = [];
  let values = 0;
  const months = [7, 8, 9, 10, 11, 12];
  for (let i = 0; i < runs; i++) {
    const province = b.provinces[i % b.provinces.length]!;
    const period = `T${months[Math.floor(i / b.provinces.length) % months.length]}/2025`;
    const officer = await signInAs(b.app, b.db, 'province_officer', { province });
    const q = `dataset=bench-thang&province=${province}&period=${period}`;
    const tpl = await b.app.inject({ method: 'GET', url: `/api/collection/template?${q}`, headers: officer });
    if (tpl.statusCode !== 200) throw new Error(tpl.body);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as any);
    const ws = wb.getWorksheet(DATA_SHEET)!;
    let n = 0;
    for (let r = FIRST_ROW; r < FIRST_ROW + b.items; r++) {
      const last = Number(ws.getCell(r, COL.lastYear).value);
      const code = String(ws.getCell(r, COL.code).value);
      const v = Number.isFinite(last) && last > 0 ? Math.round(last * 1.06 * 100) / 100 : code === 'iip' ? 106 : 10 + (r % 50);
      const integer = ws.getCell(r, COL.value).numFmt === '#,##0'; // the template formats whole-number cells so
      ws.getCell(r, COL.value).value = integer ? Math.round(v) : v;
      n++;
    }
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const m = multipart('bao-cao.xlsx', file);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const res = await b.app.inject({ method: 'POST', url: `/api/collection/upload?${q}`, payload: m.payload, headers: { ...officer, 'content-type': m.type } });
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (res.statusCode !== 201) throw new Error(`upload ${res.statusCode}: ${res.body.slice(0, 600)}`);
    if (i > 0) { // the first run warms the caches
      times.push(ms);
      cpu.push((c.user + c.system) / 1000);
    }
    values = n;
  }
  // CPU: this process's while the request ran (inject: the server's work only; the file is built before).
  return { values, cpuMs: summary(cpu).p50, ...summary(times) };
}
