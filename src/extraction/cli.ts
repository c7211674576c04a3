// `congthuong extract <paths...> --format json [--out dir]`: figures from files or folders.
//
// Writes one `{"source": ..., "figures": [...]}` per document: JSON lines on stdout, or one file per
// document in --out. A progress bar goes to stderr when it is a terminal. A file that cannot be read
// is reported (Vietnamese, then English) and skipped; the exit code is then 1.

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { DocumentError, readDocument } from './documents.ts';
import { extractFigures } from './extract.ts';

const DOC_EXT = new Set(['.txt', '.text', '.html', '.htm', '.xhtml', '.docx', '.pdf']);
const MAX_BYTES = 25 * 1024 * 1024;

/** Files under the given paths: files as given, folders walked recursively (known document types). */
export function collectFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string, depth: number): void => {
    if (depth > 32) return;
    let names: string[];
    try { names = readdirSync(dir).sort(); } catch { missing.push(dir); return; }
    for (const n of names) {
      if (n.startsWith('.') || n === 'node_modules') continue;
      const p = join(dir, n);
      let st;
      try { st = statSync(p); } catch { continue; }
      if (st.isDirectory()) walk(p, depth + 1);
      else if (st.isFile() && DOC_EXT.has(extname(n).toLowerCase()) && !seen.has(p)) { seen.add(p); files.push(p); }
    }
  };
  for (const raw of paths) {
    const p = resolve(raw);
    if (!existsSync(p)) { missing.push(raw); continue; }
    const st = statSync(p);
    if (st.isDirectory()) walk(p, 0);
    else if (!seen.has(p)) { seen.add(p); files.push(p); }
  }
  return { files, missing };
}

export interface ExtractFileResult { file: string; source: string | null; figures: unknown[]; error?: string }

/** Reads and extracts one file; never throws (the error is in the result). */
export async function extractFile(file: string): Promise<ExtractFileResult> {
  try {
    const size = statSync(file).size;
    if (size > MAX_BYTES) throw new DocumentError('too-large', `tệp quá lớn (${(size / 1048576).toFixed(1)} MB)`, `file too large (${(size / 1048576).toFixed(1)} MB)`);
    const buf = readFileSync(file);
    const doc = await readDocument(buf, basename(file), { maxBytes: MAX_BYTES });
    const res = extractFigures(doc.text, { sourceName: doc.source ?? basename(file), documentDate: doc.documentDate ?? null });
    return { file, source: res.source, figures: res.figures };
  } catch (e) {
    const msg = (e as { userMessage?: string }).userMessage ?? `Lỗi / Error: ${(e as Error).message}`;
    return { file, source: null, figures: [], error: msg };
  }
}

export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description('Trích số liệu từ văn bản (txt, docx, html, pdf) / extract figures from documents')
    .argument('<paths...>', 'tệp hoặc thư mục / files or folders')
    .option('--format <format>', 'định dạng ra / output format (json)', 'json')
    .option('--out <dir>', 'thư mục ghi mỗi văn bản một tệp JSON / folder for one JSON file per document')
    .action(async (paths: string[], opts: { format: string; out?: string }) => {
      if (opts.format !== 'json') {
        const err = new Error(`unsupported format ${opts.format}`) as Error & { userMessage: string };
        err.userMessage = `Lỗi / Error: định dạng "${opts.format}" chưa hỗ trợ, chỉ có json / format "${opts.format}" is not supported, use json`;
        throw err;
      }
      const { files, missing } = collectFiles(paths);
      for (const m of missing) process.stderr.write(`Không tìm thấy / not found: ${m}\n`);
      if (opts.out) mkdirSync(opts.out, { recursive: true });
      const tty = !!process.stderr.isTTY;
      let bar: { start(total: number, v: number, payload?: object): void; increment(n?: number, payload?: object): void; stop(): void } | null = null;
      if (tty && files.length > 1) {
        const cp = (await import('cli-progress')).default;
        bar = new cp.SingleBar({
          stream: process.stderr,
          format: 'Trích số liệu / extracting [{bar}] {value}/{total} {file}',
          hideCursor: true,
          clearOnComplete: true,
        }, cp.Presets.shades_classic);
        bar.start(files.length, 0, { file: '' });
      }
      const used = new Map<string, number>();
      const errors: string[] = [];
      const out = process.stdout;
      for (const f of files) {
        const r = await extractFile(f);
        if (r.error) errors.push(`${f}: ${r.error}`);
        else {
          const doc = { source: r.source, figures: r.figures };
          if (opts.out) {
            const base = basename(f).replace(/\.[^.]+$/, '');
            const n = used.get(base) ?? 0;
            used.set(base, n + 1);
            writeFileSync(join(opts.out, `${n ? `${base}-${n + 1}` : base}.json`), JSON.stringify(doc, null, 1) + '\n');
          } else if (!out.write(JSON.stringify(doc) + '\n')) {
            await new Promise<void>((r2) => out.once('drain', () => r2()));
          }
        }
        bar?.increment(1, { file: basename(f) });
      }
      bar?.stop();
      for (const e of errors) process.stderr.write(`${e}\n`);
      if (!tty || files.length <= 1) {
        if (files.length === 0) process.stderr.write('Không có tệp nào để đọc / no files to read\n');
      }
      process.stderr.write(`${files.length - errors.length}/${files.length} văn bản đã trích / documents extracted\n`);
      if (errors.length || missing.length) process.exitCode = 1;
    });
}
