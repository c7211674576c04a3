// One entry point for the API, the CLI and the benchmark: build the report model, render it in the
// requested format, and name the file.
import type { Db } from '../db/database.ts';
import { buildReport, type ReportRequest } from './build/index.ts';
import type { Report, ReportFormat } from './model.ts';
import { renderDocx } from './render/docx.ts';
import { renderHtml, type HtmlOptions } from './render/html.ts';
import { renderPdf } from './render/pdf.ts';
import { renderXlsx } from './render/xlsx.ts';

export interface RenderOptions extends HtmlOptions {
  /** Absolute origin for links inside files (PDF link annotations, Excel hyperlinks). */
  absoluteBase?: string;
}

export interface RenderedReport {
  body: Buffer | string;
  contentType: string;
  fileName: string;
}

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

export async function render(report: Report, format: ReportFormat, o: RenderOptions = {}): Promise<RenderedReport> {
  const fileName = `${report.fileBase}.${format === 'xlsx' ? 'xlsx' : format}`;
  const contentType = CONTENT_TYPES[format];
  switch (format) {
    case 'html':
      return { body: renderHtml(report, o), contentType, fileName };
    case 'docx':
      return { body: await renderDocx(report), contentType, fileName };
    case 'pdf':
      return { body: await renderPdf(report, { baseUrl: o.absoluteBase }), contentType, fileName };
    case 'xlsx':
      return { body: await renderXlsx(report, { baseUrl: o.absoluteBase }), contentType, fileName };
    case 'json':
      return { body: JSON.stringify(report), contentType, fileName };
  }
}

export async function generateReport(db: Db, req: ReportRequest, format: ReportFormat, o: RenderOptions = {}): Promise<RenderedReport> {
  return render(await buildReport(db, req), format, o);
}
