/*
 * The mock IdP's one small stylesheet and page shell, shared by the login page, the assertion review page and
 * the HTML error page. Inline (no external assets, no CDN), so a page works offline and in a locked-down CI.
 */
import { escapeHtml } from './html.ts';

export const PAGE_CSS = `
:root{--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#f6f8fa;--accent:#0b5cad;--accent-ink:#fff;--bad:#b3261e}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:var(--bg)}
header.bar{background:#24292f;color:#fff;padding:.6rem 1.5rem;display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap}
header.bar .who{color:#c9d1d9;font-size:13px;overflow-wrap:anywhere}
main{max-width:60rem;margin:1.5rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:1.2rem 1.4rem;margin-bottom:1rem}
h1{font-size:1.4rem;margin:0 0 .6rem} h2{font-size:1.1rem;margin:1rem 0 .5rem}
code,pre{font:13px/1.45 ui-monospace,Menlo,Consolas,monospace}
code{overflow-wrap:anywhere}
pre{background:#0d1117;color:#e6edf3;padding:1rem;border-radius:6px;overflow:auto;white-space:pre-wrap;overflow-wrap:anywhere}
.card>h2:first-child{margin-top:0}
.muted{color:var(--muted)}
label.field{display:block;font-weight:600;margin:.2rem 0 .3rem}
select{font:inherit;padding:.35rem .5rem;border:1px solid var(--line);border-radius:6px;max-width:100%}
.users{display:grid;gap:.6rem;margin:.6rem 0 1rem}
.user{display:block;border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem;cursor:pointer}
.user:has(input:checked){border-color:var(--accent);box-shadow:0 0 0 2px #0b5cad33}
.user .name{font-weight:600} .user .email{color:var(--muted);margin-left:.4rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 0;font-size:14px}
th,td{border-top:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{color:var(--muted);font-weight:600}
.actions{display:flex;gap:.6rem;flex-wrap:wrap;align-items:center}
button,.button{font:inherit;padding:.5rem 1rem;border-radius:6px;border:1px solid var(--accent);cursor:pointer;text-decoration:none;display:inline-block}
button.primary,.button.primary{background:var(--accent);color:var(--accent-ink)}
button.secondary,.button.secondary{background:#fff;color:var(--accent)}
button[disabled]{opacity:.5;cursor:not-allowed}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.4rem 0 1rem} dl.facts dt{color:var(--muted)} dl.facts dd{margin:0;overflow-wrap:anywhere}
.error-code{display:inline-block;background:#ffebe9;color:var(--bad);border:1px solid var(--bad);border-radius:4px;padding:0 .4rem}
`;

export function page(title: string, body: string, entityId?: string): string {
  return `<!DOCTYPE html>
<html lang="en">
  <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
    <style>${PAGE_CSS}</style>
  </head>
  <body>
    <header class="bar"><strong>sso-harness mock IdP</strong>${entityId ? `<span class="who">${escapeHtml(entityId)}</span>` : ''}</header>
    <main>
${body}
    </main>
  </body>
</html>
`;
}
