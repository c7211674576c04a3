// The `extract` command: folders, JSON lines, --out, and bad files reported without stopping.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { Document, Packer, Paragraph } from 'docx';
import { collectFiles } from './cli.ts';

let dir = '';

const CLI = new URL('./cli.ts', import.meta.url).pathname;
const RUNNER = `import { Command } from 'commander';
import { registerExtractCommand } from ${JSON.stringify(CLI)};
const p = new Command().name('congthuong');
registerExtractCommand(p);
const argv = process.argv.slice(1); if (argv[0] === '--') argv.shift();
try { await p.parseAsync(argv, { from: 'user' }); } catch (e) { process.stderr.write((e.userMessage ?? e.message) + '\\n'); process.exitCode = 1; }`;

/** Runs the command in a child process (the test runner owns this process's stdout). */
function run(args: string[]): { out: string; err: string; code: number | null } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', RUNNER, '--', ...args], {
    encoding: 'utf8', timeout: 60_000, cwd: new URL('../..', import.meta.url).pathname,
  });
  return { out: r.stdout, err: r.stderr, code: r.status };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'extract-cli-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'a.txt'), 'https://sct.camau.gov.vn/tin/1\nNăm 2022, kim ngạch xuất khẩu toàn tỉnh đạt 1,35 tỷ USD, tăng 12%.');
  writeFileSync(join(dir, 'sub', 'b.html'), '<html><body><p>Quý I/2023, tổng mức bán lẻ hàng hóa của tỉnh Lào Cai đạt 8.200 tỷ đồng.</p></body></html>');
  const d = new Document({ sections: [{ children: [new Paragraph('Năm 2021, chỉ số sản xuất công nghiệp tỉnh Yên Bái tăng 9,1%.')] }] });
  writeFileSync(join(dir, 'sub', 'c.docx'), await Packer.toBuffer(d));
  writeFileSync(join(dir, 'sub', 'hong.pdf'), 'không phải PDF');
  writeFileSync(join(dir, 'sub', 'anh.png'), Buffer.from([0x89, 0x50, 0x4E, 0x47]));
});
after(() => { rmSync(dir, { recursive: true, force: true }); });

describe('extract command', () => {
  it('walks folders for documents only', () => {
    const { files } = collectFiles([dir]);
    assert.deepEqual(files.map((f) => f.slice(dir.length + 1)).sort(), ['a.txt', 'sub/b.html', 'sub/c.docx', 'sub/hong.pdf']);
  });
  it('prints one JSON line per document and reports bad files', () => {
    const r = run(['extract', dir, '--format', 'json']);
    const docs = r.out.trim().split('\n').map((l) => JSON.parse(l) as { source: string; figures: Array<Record<string, unknown>> });
    assert.equal(docs.length, 3);
    const a = docs.find((d) => d.source === 'https://sct.camau.gov.vn/tin/1');
    assert.ok(a);
    assert.equal(a.figures[0]!.scope, 'Cà Mau');
    assert.equal(a.figures[0]!.value, 1.35);
    assert.ok(a.figures[0]!.explain);
    const b = docs.find((d) => d.source === 'b.html');
    assert.equal(b?.figures[0]!.indicator, 'retail_services');
    const c = docs.find((d) => d.source === 'c.docx');
    assert.equal(c?.figures[0]!.growth_pct, 9.1);
    assert.match(r.err, /hong\.pdf: Lỗi \/ Error: .*PDF/);
    assert.equal(r.code, 1);
  });
  it('writes one file per document with --out', () => {
    const out = join(dir, 'out');
    const r = run(['extract', join(dir, 'a.txt'), join(dir, 'sub', 'c.docx'), '--out', out]);
    assert.equal(r.out, '');
    assert.deepEqual(readdirSync(out).sort(), ['a.json', 'c.json']);
    const a = JSON.parse(readFileSync(join(out, 'a.json'), 'utf8')) as { source: string; figures: unknown[] };
    assert.equal(a.figures.length, 1);
    assert.equal(r.code, 0);
  });
  it('refuses another format with a clear message', () => {
    const r = run(['extract', dir, '--format', 'csv']);
    assert.match(r.err, /định dạng "csv".*json/);
    assert.equal(r.code, 1);
  });
  it('reports a missing path', () => {
    const r = run(['extract', join(dir, 'khong-co.txt')]);
    assert.match(r.err, /Không tìm thấy \/ not found/);
    assert.equal(r.code, 1);
  });
});
