// The plain start page: what this server is and where things are (the web application replaces it).
export function startPage(): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Công Thương Vùng</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
code{background:#f3f3f3;padding:0 .25rem}li{margin:.25rem 0}</style></head>
<body>
<h1>Công Thương Vùng</h1>
<p>Hệ thống số liệu ngành Công Thương theo tỉnh và vùng.<br><i>Regional Industry and Trade figures, by province and region.</i></p>
<ul>
<li><a href="/docs">/docs</a> — tài liệu API (OpenAPI) / API documentation</li>
<li><a href="/openapi.json">/openapi.json</a> — tài liệu OpenAPI dạng JSON / OpenAPI document</li>
<li><a href="/api/regions">/api/regions</a> — các vùng và thành viên / regions and their members</li>
<li><a href="/api/indicators">/api/indicators</a> — danh mục chỉ tiêu / indicator catalogue</li>
<li><a href="/api/analytics/regions/south/indicators/retail_services?period=9T/2024">Bán lẻ khu vực phía Nam, 9 tháng 2024</a>
 / southern retail sales, first 9 months of 2024</li>
<li><a href="/api/analytics/pivot?period=9T/2024">/api/analytics/pivot?period=9T/2024</a> — bảng tổng hợp vùng / regional pivot</li>
</ul>
</body></html>`;
}
