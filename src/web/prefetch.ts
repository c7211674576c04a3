// The dashboard's first requests, started by a few lines inlined in index.html before the application's
// JavaScript has even been parsed: the headline figures are computed on the server while the browser
// compiles the bundle. The app then takes these responses instead of asking again (api.ts getJson).
// The URLs are built exactly as the Dashboard builds them.

/** The headline indicators of a regional dashboard, in card order. */
export const FEATURED = ['retail_services', 'iip', 'exports', 'imports', 'trade_balance', 'industrial_output_value'];

export const LANG_KEY = 'congthuong.lang';

/** Source of the inline script (ES5, no dependencies), injected by vite.config.ts. */
export function prefetchScript(): string {
  return `(function () {
  try {
    var m = location.pathname.match(/^\\/region\\/([^\\/]+)$/);
    if (!m || !window.fetch) return;
    var q = new URLSearchParams(location.search);
    var period = q.get('period');
    if (!period) return;
    var lang = q.get('lang') === 'en' || q.get('lang') === 'vi' ? q.get('lang') : (localStorage.getItem(${JSON.stringify(LANG_KEY)}) === 'en' ? 'en' : 'vi');
    var codes = ${JSON.stringify(FEATURED)};
    var sel = q.get('indicator');
    if (sel && codes.indexOf(sel) < 0) codes.push(sel);
    var pre = window.__ctPrefetch = {};
    var get = function (u) { pre[u] = fetch(u, { credentials: 'same-origin', headers: { accept: 'application/json' } }); };
    get('/api/indicators');
    for (var i = 0; i < codes.length; i++) {
      get('/api/analytics/regions/' + encodeURIComponent(decodeURIComponent(m[1])) + '/indicators/' + encodeURIComponent(codes[i]) +
        '?' + new URLSearchParams({ period: period, lang: lang }).toString());
    }
  } catch (e) { /* the app asks by itself */ }
})();`;
}
