// What the doctor reports: for each check, the problems it found, each said in plain words (Vietnamese,
// then English), what to do about it, and a few examples. Pure: no store, no console.

export interface Problem {
  code: string;
  /** How many rows (or things) are affected; `atLeast` when the count stopped at a limit. */
  count: number;
  atLeast?: boolean;
  vi: string;
  en: string;
  /** What to do, if there is something to do. */
  fixVi?: string;
  fixEn?: string;
  examples?: string[];
}

export interface CheckResult {
  id: string;
  nameVi: string;
  nameEn: string;
  problems: Problem[];
  /** Facts worth printing when the check passes (e.g. "6/6 migrations"). */
  noteVi?: string;
  noteEn?: string;
  /** Set when the check itself could not run (the store refused a query). */
  failed?: { vi: string; en: string };
}

export interface DoctorReport {
  store: string;
  checks: CheckResult[];
  ms: number;
}

export const healthy = (r: DoctorReport) => r.checks.every((c) => !c.problems.length && !c.failed);

export function problemCodes(r: DoctorReport): string[] {
  return r.checks.flatMap((c) => c.problems.map((p) => p.code));
}

/** The report as the terminal shows it. */
export function formatReport(r: DoctorReport): string {
  const out: string[] = [`Kiểm tra kho dữ liệu / store check: ${r.store}`];
  for (const c of r.checks) {
    const bad = c.problems.length > 0 || !!c.failed;
    const note = !bad && c.noteVi ? ` — ${c.noteVi}${c.noteEn && c.noteEn !== c.noteVi ? ` / ${c.noteEn}` : ''}` : '';
    out.push(`${bad ? '✗' : '✓'} ${c.nameVi} / ${c.nameEn}${note}`);
    if (c.failed) out.push(`    Không kiểm tra được: ${c.failed.vi}`, `    Could not check: ${c.failed.en}`);
    for (const p of c.problems) {
      out.push(`    • ${p.vi}`, `      ${p.en}`);
      if (p.fixVi) out.push(`      → ${p.fixVi}`, `      → ${p.fixEn}`);
      for (const e of p.examples ?? []) out.push(`        - ${e}`);
    }
  }
  const n = r.checks.reduce((s, c) => s + c.problems.length + (c.failed ? 1 : 0), 0);
  out.push(n === 0
    ? `Kho dữ liệu không có vấn đề (${(r.ms / 1000).toFixed(1)} s). / No problems found.`
    : `Có ${n} vấn đề. / ${n} problem${n > 1 ? 's' : ''} found.`);
  return out.join('\n');
}

/** "12 dòng" or "ít nhất 20 dòng" and its English twin. */
export function countWords(n: number, atLeast: boolean | undefined, vi: string, en: string): { vi: string; en: string } {
  return {
    vi: `${atLeast ? 'ít nhất ' : ''}${n} ${vi}`,
    en: `${atLeast ? 'at least ' : ''}${n} ${en}${n === 1 ? '' : 's'}`,
  };
}
