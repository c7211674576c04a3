// The preview's stylesheet: an A4 sheet with Decree 30/2020 margins and type sizes on screen, the
// document alone when printed (toolbar, tooltips and the sources list hidden).
export const HTML_STYLE = `
:root { --ink: #111; --paper: #fff; --desk: #e9ebee; --link: #1f4e79; --muted: #5b6270; }
* { box-sizing: border-box; }
html { background: var(--desk); }
body { margin: 0; color: var(--ink); font-family: 'Times New Roman', Tinos, serif; font-size: 14pt; }
.toolbar { position: sticky; top: 0; z-index: 10; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; justify-content: space-between;
  align-items: center; padding: .6rem 1.2rem; background: #1f2d3d; color: #fff; font: 15px/1.4 system-ui, sans-serif; }
.toolbar a { color: #cfe3ff; margin-left: .6rem; }
.toolbar a:focus-visible { outline: 2px solid #fff; outline-offset: 2px; }
.sheet { width: 210mm; max-width: 100%; margin: 1.5rem auto; padding: 20mm 15mm 20mm 30mm; background: var(--paper);
  box-shadow: 0 2px 12px rgba(0,0,0,.15); }
.nd30-header { width: 100%; border-collapse: collapse; margin-bottom: 12pt; }
.nd30-header td { vertical-align: top; text-align: center; padding: 0 2pt; }
.nd30-header .agency { width: 40%; font-size: 13pt; }
.nd30-header .motto { width: 60%; }
.nd30-header .parent { text-transform: uppercase; }
.nd30-header .issuer { font-weight: bold; }
.short-rule { width: 30%; margin: 2pt auto 0; border-top: 1px solid var(--ink); }
.nation { font-weight: bold; font-size: 12.5pt; }
.motto-line span { display: inline-block; font-weight: bold; font-size: 13.5pt; border-bottom: 1px solid var(--ink); padding-bottom: 1pt; }
.nd30-header .number { font-size: 13pt; padding-top: 6pt; white-space: pre; }
.nd30-header .placedate { font-style: italic; font-size: 13.5pt; padding-top: 6pt; }
.doctype { text-align: center; font-size: 14pt; font-weight: bold; margin: 18pt 0 2pt; }
.subject { text-align: center; font-weight: bold; margin: 0; }
.subject-rule { width: 25%; margin: 3pt auto 12pt; border-top: 1px solid var(--ink); }
p.body, p.missing, p.note { text-align: justify; text-indent: 1.27cm; margin: 6pt 0; line-height: 1.3; }
p.missing { font-style: italic; }
p.note { font-size: 13pt; }
h2, h3, h4 { font-size: 14pt; margin: 10pt 0 4pt; text-indent: 1.27cm; }
h2 { font-weight: bold; }
h3 { font-weight: bold; }
h4 { font-weight: normal; font-style: italic; }
ul.items { margin: 4pt 0 4pt 1.27cm; padding-left: 1em; line-height: 1.3; text-align: justify; }
.fig { position: relative; }
.fig .val, .cell-fig { color: inherit; text-decoration: underline dotted var(--link); text-underline-offset: 3px; }
.fig .val:hover, .fig .val:focus-visible, .cell-fig:hover { color: var(--link); background: #eef4fb; }
.tip { display: none; position: absolute; left: 0; top: 1.5em; z-index: 5; width: 24rem; max-width: 80vw; padding: .5rem .7rem;
  background: #fff; border: 1px solid #b8c2cf; border-radius: 4px; box-shadow: 0 4px 14px rgba(0,0,0,.18);
  font: 13px/1.45 system-ui, sans-serif; text-indent: 0; text-align: left; }
.fig:hover .tip, .fig:focus-within .tip { display: block; }
.tip span, .tip a { display: block; }
.tip-label { font-weight: 600; }
.tip-src { color: var(--muted); margin-bottom: .25rem; }
.tip a { color: var(--link); }
.end { display: flex; justify-content: space-between; gap: 1rem; margin-top: 18pt; page-break-inside: avoid; }
.recipients { width: 50%; font-size: 11pt; }
.recipients p { margin: 0; }
.recipients .rec-head { font-size: 12pt; font-weight: bold; font-style: italic; }
.signature { width: 45%; text-align: center; font-weight: bold; }
.signature p { margin: 0; }
.sign-space { height: 60pt; }
.chart { margin: 10pt 0; text-align: center; page-break-inside: avoid; }
.chart svg { max-width: 100%; height: auto; }
.chart figcaption { font-size: 12pt; font-style: italic; }
.annex { page-break-before: always; margin-top: 24pt; }
.annex-title { text-align: center; text-indent: 0; }
.table-wrap { margin: 12pt 0; overflow-x: auto; }
.table-label { text-align: center; font-weight: bold; margin: 0; }
.table-title { text-align: center; font-weight: bold; margin: 0 0 6pt; }
table.data { width: 100%; border-collapse: collapse; font-size: 11pt; }
table.data th, table.data td { border: 1px solid #444; padding: 2pt 4pt; vertical-align: top; }
table.data th { font-weight: bold; text-align: center; background: #f2f2f2; }
td.right { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.center { text-align: center; }
td.strong { font-weight: bold; }
.table-note { font-size: 11pt; font-style: italic; margin: 2pt 0; }
.page-break { page-break-before: always; }
.sources { width: 210mm; max-width: 100%; margin: 0 auto 2rem; padding: 1rem 1.5rem; background: #fff; font: 14px/1.5 system-ui, sans-serif; }
.sources h2, .sources h3 { text-indent: 0; font-family: system-ui, sans-serif; }
.sources li { margin: .35rem 0; }
.sources li:target { background: #fff6d6; }
.src-kind, .generated { color: var(--muted); }
.src-links { display: block; }
.src-links a { color: var(--link); }
.sources q { display: block; color: #333; font-style: italic; }
@media (max-width: 800px) { .sheet { padding: 8mm; } .end { flex-direction: column; } .recipients, .signature { width: 100%; } }
@media print {
  @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
  html, body { background: #fff; }
  .toolbar, .tip, .sources { display: none !important; }
  .sheet { margin: 0; padding: 0; box-shadow: none; width: auto; }
  .fig .val, .cell-fig { text-decoration: none; color: inherit; }
}
`;
