// The web preview: a complete page laid out like the printed document (Decree 30 header, sections,
// signature, recipients, annex), in which every number links to what it is computed from. No script:
// inputs show on hover or focus, and the "Figures and sources" list at the end holds every link.
import type { Block, Chart, Figure, Report, Run, Section, Table } from '../model.ts';
import { phrasebook } from '../build/writer.ts';
import { chartSvg } from './chartSvg.ts';
import { HTML_STYLE } from './htmlStyle.ts';
import { fontFaceCss, readFont } from './fonts.ts';

export interface HtmlOptions {
  /** Prefix for API links (empty: same origin). */
  baseUrl?: string;
  /** The report endpoint, for the download and language links: "/api/reports/conference". */
  selfPath?: string;
  /** Tinos for readers without Times New Roman: loaded from the API (link), embedded (inline, for a
   *  file opened offline) or not at all. */
  fonts?: 'link' | 'inline' | 'none';
  /** Where the font files are served (link mode). */
  assetBase?: string;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);

export function renderHtml(r: Report, o: HtmlOptions = {}): string {
  const base = o.baseUrl ?? '';
  const ctx = { r, base, charts: new Map(r.charts.map((c) => [c.id, c])), tables: new Map(r.tables.map((t) => [t.id, t])) };
  const t = phrasebook(r.lang);
  const body = [
    headerHtml(r),
    `<h1 class="doctype">${esc(r.docType)}</h1>`,
    `<p class="subject">${r.subject.map(esc).join('<br>')}</p><div class="subject-rule"></div>`,
    blocksHtml(ctx, r.intro),
    r.sections.map((s) => sectionHtml(ctx, s)).join('\n'),
    blocksHtml(ctx, r.closing),
    endHtml(r),
  ].join('\n');
  const annexTables = r.tables.filter((x) => !x.inline);
  const annex = annexTables.length
    ? `<section class="annex"><h2 class="annex-title">${esc(r.annexTitle)}</h2>${annexTables.map((x) => tableHtml(ctx, x)).join('\n')}</section>`
    : '';
  return `<!doctype html>
<html lang="${r.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.meta.title)}</title>
<style>${fontsCss(o, base)}${HTML_STYLE}</style>
</head>
<body>
${toolbarHtml(r, o)}
<main class="sheet" id="report">
${body}
${annex}
</main>
${sourcesHtml(r, base, t.ui)}
</body>
</html>`;
}

function fontsCss(o: HtmlOptions, base: string): string {
  const mode = o.fonts ?? 'link';
  if (mode === 'none') return '';
  if (mode === 'inline') return fontFaceCss((f) => `data:font/woff2;base64,${readFont(f).toString('base64')}`);
  const assets = o.assetBase ?? `${base}/api/reports/assets`;
  return fontFaceCss((f) => `${assets}/${f}`);
}

type Ctx = { r: Report; base: string; charts: Map<string, Chart>; tables: Map<string, Table> };

function toolbarHtml(r: Report, o: HtmlOptions): string {
  const t = phrasebook(r.lang).ui;
  const self = o.selfPath ?? `/api/reports/${r.type}`;
  const q = (extra: Record<string, string>) => `${self}?${new URLSearchParams({ ...r.meta.query, ...extra }).toString()}`;
  const other = r.lang === 'vi' ? 'en' : 'vi';
  return `<nav class="toolbar" aria-label="${esc(t.title)}">
<span class="tb-title">${esc(t.title)} · ${esc(r.meta.periodLabel)}</span>
<span class="tb-links">${esc(t.download)}:
<a href="${esc(q({ format: 'docx' }))}">Word</a>
<a href="${esc(q({ format: 'pdf' }))}">PDF</a>
<a href="${esc(q({ format: 'xlsx' }))}">Excel</a>
· <a href="${esc(q({ lang: other, format: 'html' }))}" hreflang="${other}">${esc(t.otherLanguage)}</a></span>
</nav>`;
}

function headerHtml(r: Report): string {
  const h = r.header;
  return `<table class="nd30-header" role="presentation"><tr>
<td class="agency">${h.parentAgency ? `<div class="parent">${esc(h.parentAgency)}</div>` : ''}<div class="issuer">${esc(h.agency)}</div><div class="short-rule"></div></td>
<td class="motto"><div class="nation">${esc(h.motto[0])}</div><div class="motto-line"><span>${esc(h.motto[1])}</span></div></td>
</tr><tr>
<td class="number">${esc(h.number)}</td>
<td class="placedate">${esc(h.placeDate)}</td>
</tr></table>`;
}

function runHtml(ctx: Ctx, run: Run): string {
  const text = esc(run.text);
  if (run.kind === 'text') {
    let s = text;
    if (run.bold) s = `<b>${s}</b>`;
    if (run.italic) s = `<i>${s}</i>`;
    return s;
  }
  const f = ctx.r.figures[run.figure];
  if (!f) return text;
  return `<span class="fig"><a class="val" href="${esc(ctx.base + (f.inputs[0]?.href ?? `#${f.id}`))}" aria-describedby="tip-${esc(f.id)}">${text}</a>${tipHtml(ctx, f)}</span>`;
}

function tipHtml(ctx: Ctx, f: Figure): string {
  const t = phrasebook(ctx.r.lang).ui;
  const cov = f.coverage ? ` · ${esc(t.coverage(f.coverage.reported, f.coverage.of))}` : '';
  const links = f.inputs.map((i) => `<a href="${esc(ctx.base + i.href)}">${esc(i.label)}</a>`).join('');
  return `<span class="tip" role="tooltip" id="tip-${esc(f.id)}"><span class="tip-label">${esc(f.label)}</span><span class="tip-src">${esc(t.source[f.source])}${cov}</span>${links}<a href="#${esc(f.id)}">↓</a></span>`;
}

function runsHtml(ctx: Ctx, runs: readonly Run[]): string {
  return runs.map((r) => runHtml(ctx, r)).join('');
}

function blocksHtml(ctx: Ctx, blocks: readonly Block[]): string {
  return blocks.map((b) => {
    switch (b.kind) {
      case 'paragraph':
        return `<p class="${b.role ?? 'body'}">${runsHtml(ctx, b.runs)}</p>`;
      case 'bullets':
        return `<ul class="items">${b.items.map((it) => `<li>${runsHtml(ctx, it)}</li>`).join('')}</ul>`;
      case 'table': {
        const table = ctx.tables.get(b.table);
        return table ? tableHtml(ctx, table) : '';
      }
      case 'chart': {
        const chart = ctx.charts.get(b.chart);
        return chart ? chartHtml(ctx, chart) : '';
      }
    }
  }).join('\n');
}

function sectionHtml(ctx: Ctx, s: Section): string {
  const tag = s.level === 1 ? 'h2' : s.level === 2 ? 'h3' : 'h4';
  const brk = s.pageBreakBefore ? ' page-break' : '';
  return `<section class="level${s.level}${brk}"><${tag}>${esc(s.number)} ${esc(s.title)}</${tag}>
${blocksHtml(ctx, s.blocks)}
${s.sections.map((c) => sectionHtml(ctx, c)).join('\n')}</section>`;
}

function chartHtml(ctx: Ctx, c: Chart): string {
  return `<figure class="chart" id="${esc(c.id)}">${chartSvg(c, ctx.r.lang)}<figcaption>${esc(c.label)}. ${esc(c.title)}</figcaption></figure>`;
}

function tableHtml(ctx: Ctx, t: Table): string {
  const head = t.columns.map((c) => `<th scope="col" style="width:${c.width}%">${esc(c.title)}</th>`).join('');
  const rows = t.rows.map((row) => `<tr>${row.map((cell, i) => {
    const align = t.columns[i]?.align ?? 'left';
    const f = cell.figure ? ctx.r.figures[cell.figure] : undefined;
    const inner = f && cell.value !== null && cell.value !== undefined
      ? `<a class="cell-fig" href="${esc(ctx.base + (f.inputs[0]?.href ?? `#${f.id}`))}" title="${esc(f.label)}">${esc(cell.text)}</a>`
      : esc(cell.text);
    return `<td class="${align}${cell.bold ? ' strong' : ''}">${inner}</td>`;
  }).join('')}</tr>`).join('\n');
  const notes = t.notes.map((n) => `<p class="table-note">${esc(n)}</p>`).join('');
  return `<div class="table-wrap" id="${esc(t.id)}"><p class="table-label">${esc(t.label)}</p><p class="table-title">${esc(t.title)}</p>
<table class="data"><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table>${notes}</div>`;
}

function endHtml(r: Report): string {
  const rec = `<div class="recipients"><p class="rec-head">${esc(r.recipients.heading)}</p>${r.recipients.items.map((i) => `<p>- ${esc(i)}</p>`).join('')}</div>`;
  const sig = `<div class="signature">${r.signature.lines.map((l) => `<p>${esc(l)}</p>`).join('')}<div class="sign-space"></div><p class="signer">${esc(r.signature.signer ?? '')}</p></div>`;
  return `<div class="end">${rec}${sig}</div>`;
}

function sourcesHtml(r: Report, base: string, t: ReturnType<typeof phrasebook>['ui']): string {
  const figs = Object.values(r.figures);
  const items = figs.map((f) => `<li id="${esc(f.id)}"><span class="src-label">${esc(f.label)}</span> <span class="src-kind">(${esc(t.source[f.source])}${f.coverage ? `, ${esc(t.coverage(f.coverage.reported, f.coverage.of))}` : ''})</span>
${f.citation?.quote ? `<q>${esc(f.citation.quote)}</q>` : ''}<span class="src-links">${f.inputs.map((i) => `<a href="${esc(base + i.href)}">${esc(i.label)}</a>`).join(' · ')}</span></li>`).join('\n');
  const missing = r.missing.length ? `<h3>${esc(t.missingHeading)}</h3><ul>${r.missing.map((m) => `<li>${esc(m)}</li>`).join('')}</ul>` : '';
  return `<aside class="sources" aria-labelledby="sources-h"><h2 id="sources-h">${esc(t.inputsHeading)}</h2><p>${esc(t.inputsIntro)}</p><ol>${items}</ol>${missing}
<p class="generated">${esc(t.generated(r.meta.generatedAt.replace('T', ' ').slice(0, 16)))}</p></aside>`;
}
