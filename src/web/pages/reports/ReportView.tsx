// The report drawn from its model, laid out like the printed document (Decree 30 header, numbered
// sections, recipients and signature, annex), in the report's own language. Every number links to
// its inputs in the app (the regional figure's trace, the value's history, the source document).
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { Block, Figure, Report, Run, Section, Table } from '../../../reports/model.ts';
import type { Lang } from '../../i18n.ts';
import { webHref } from './choice.ts';
import { ReportChart } from './ReportChart.tsx';
import { REPORTS_DICT } from './i18n.ts';

type Ctx = { r: Report; tables: Map<string, Table>; uiLang: Lang };

const figureHref = (ctx: Ctx, f: Figure) => (f.inputs[0] ? webHref(f.inputs[0].href, ctx.uiLang) : `#src-${f.id}`);

/** A page of the app is reached without reloading it; an API answer opens beside the report. */
function Go({ href, children, ...rest }: { href: string; children: ReactNode; className?: string; title?: string; 'data-figure'?: string }) {
  if (href.startsWith('/api/')) return <a href={href} target="_blank" rel="noopener" {...rest}>{children}</a>;
  return <Link href={href} {...rest}>{children}</Link>;
}

function Runs({ ctx, runs }: { ctx: Ctx; runs: readonly Run[] }) {
  const t = REPORTS_DICT[ctx.r.lang];
  return (
    <>
      {runs.map((run, i) => {
        if (run.kind === 'text') {
          const s = run.italic ? <i>{run.text}</i> : run.text;
          return run.bold ? <b key={i}>{s}</b> : <span key={i}>{s}</span>;
        }
        const f = ctx.r.figures[run.figure];
        if (!f) return <span key={i}>{run.text}</span>;
        return <Go key={i} className="val" href={figureHref(ctx, f)} title={t.figureOf(f.label)} data-figure={f.id}>{run.text}</Go>;
      })}
    </>
  );
}

function Blocks({ ctx, blocks }: { ctx: Ctx; blocks: readonly Block[] }) {
  return (
    <>
      {blocks.map((b, i) => {
        switch (b.kind) {
          case 'paragraph':
            return <p key={i} className={`rp-${b.role ?? 'body'}`}><Runs ctx={ctx} runs={b.runs} /></p>;
          case 'bullets':
            return <ul key={i}>{b.items.map((it, k) => <li key={k}><Runs ctx={ctx} runs={it} /></li>)}</ul>;
          case 'table': {
            const table = ctx.tables.get(b.table);
            return table ? <ReportTable key={i} ctx={ctx} table={table} /> : null;
          }
          case 'chart': {
            const chart = ctx.r.charts.find((c) => c.id === b.chart);
            return chart ? <ReportChart key={i} chart={chart} lang={ctx.r.lang} /> : null;
          }
        }
      })}
    </>
  );
}

function ReportSection({ ctx, s }: { ctx: Ctx; s: Section }) {
  const H = s.level === 1 ? 'h2' : s.level === 2 ? 'h3' : 'h4';
  return (
    <section className={`rp-level${s.level}`}>
      <H>{s.number} {s.title}</H>
      <Blocks ctx={ctx} blocks={s.blocks} />
      {s.sections.map((c, i) => <ReportSection key={i} ctx={ctx} s={c} />)}
    </section>
  );
}

function ReportTable({ ctx, table }: { ctx: Ctx; table: Table }) {
  return (
    <div className="rp-table" id={table.id}>
      <p className="rp-table-label">{table.label}</p>
      <p className="rp-table-title">{table.title}</p>
      <div className="table-wrap">
        <table className="data">
          <thead><tr>{table.columns.map((c, i) => <th key={i} scope="col" className={c.align === 'right' ? 'num' : undefined}>{c.title}</th>)}</tr></thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => {
                  const f = cell.figure ? ctx.r.figures[cell.figure] : undefined;
                  const align = table.columns[i]?.align;
                  return (
                    <td key={i} className={[align === 'right' ? 'num' : align === 'center' ? 'center' : '', cell.bold ? 'strong' : ''].filter(Boolean).join(' ') || undefined}>
                      {f && cell.value !== null && cell.value !== undefined ? <Go className="val" href={figureHref(ctx, f)} title={f.label}>{cell.text}</Go> : cell.text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.notes.map((n, i) => <p key={i} className="rp-table-note">{n}</p>)}
    </div>
  );
}

export function ReportView({ report: r, uiLang }: { report: Report; uiLang: Lang }) {
  const t = REPORTS_DICT[r.lang];
  const ctx: Ctx = { r, tables: new Map(r.tables.map((x) => [x.id, x])), uiLang };
  const annex = r.tables.filter((x) => !x.inline);
  const h = r.header;
  return (
    <article className="report-sheet" lang={r.lang} data-testid="report">
      <div className="rp-header">
        <div className="rp-agency">
          {h.parentAgency && <p>{h.parentAgency}</p>}
          <p className="rp-issuer">{h.agency}</p>
          <p className="rp-number">{h.number}</p>
        </div>
        <div className="rp-motto">
          <p className="rp-nation">{h.motto[0]}</p>
          <p className="rp-motto-line">{h.motto[1]}</p>
          <p className="rp-placedate">{h.placeDate}</p>
        </div>
      </div>
      <h2 className="rp-doctype">{r.docType}</h2>
      <p className="rp-subject">{r.subject.map((s, i) => <span key={i}>{s}<br /></span>)}</p>
      <Blocks ctx={ctx} blocks={r.intro} />
      {r.sections.map((s, i) => <ReportSection key={i} ctx={ctx} s={s} />)}
      <Blocks ctx={ctx} blocks={r.closing} />
      <div className="rp-end">
        <div className="rp-recipients">
          <p className="rp-rec-head">{r.recipients.heading}</p>
          {r.recipients.items.map((x, i) => <p key={i}>- {x}</p>)}
        </div>
        <div className="rp-signature">
          {r.signature.lines.map((l, i) => <p key={i}>{l}</p>)}
          <p className="rp-signer">{r.signature.signer ?? ''}</p>
        </div>
      </div>
      {annex.length > 0 && (
        <section className="rp-annex">
          <h2>{r.annexTitle}</h2>
          {annex.map((x) => <ReportTable key={x.id} ctx={ctx} table={x} />)}
        </section>
      )}
      <aside className="rp-sources" aria-labelledby="rp-sources-h">
        <h2 id="rp-sources-h">{t.inputsHeading}</h2>
        <p>{t.inputsIntro}</p>
        <ol>
          {Object.values(r.figures).map((f) => (
            <li key={f.id} id={`src-${f.id}`}>
              {f.label} <span className="muted">({t.sourceKind(f.source)}{f.coverage ? `, ${t.coverage(f.coverage.reported, f.coverage.of)}` : ''})</span>
              {f.citation?.quote && <q>{f.citation.quote}</q>}
              <span className="rp-links">{f.inputs.map((i) => <Go key={i.href} href={webHref(i.href, uiLang)}>{i.label}</Go>)}</span>
            </li>
          ))}
        </ol>
        {r.missing.length > 0 && (
          <>
            <h3>{t.missingHeading}</h3>
            <ul>{r.missing.map((m, i) => <li key={i}>{m}</li>)}</ul>
          </>
        )}
        <p className="muted small">{t.generated(r.meta.generatedAt.replace('T', ' ').slice(0, 16))}</p>
      </aside>
    </article>
  );
}
