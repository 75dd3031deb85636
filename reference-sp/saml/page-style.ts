/*
 * The reference SP's one small stylesheet and page shell (landing page, signed-in page, error pages). The
 * stylesheet is served by the SP itself at /style.css (../server/landing-page.ts): no external asset, no CDN,
 * so every page renders offline, and a page's own text stays free of CSS words. The title is escaped here; the
 * body is HTML already, its caller escapes every value it puts in it.
 */
import { escapeXml } from './xml.ts';

export const SP_STYLESHEET_PATH = '/style.css';

export const SP_PAGE_CSS = `
:root{--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#f6f8fa;--accent:#1a7f37;--bad:#cf222e;--bad-bg:#ffebe9;--warn:#9a6700;--warn-bg:#fff8c5}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:var(--bg)}
header.bar{background:#0f3d24;color:#fff;padding:.6rem 1.5rem;display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap}
header.bar a{color:#d2f4dc}
main{max-width:80rem;margin:1.5rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:1.2rem 1.4rem;margin-bottom:1rem}
h1{font-size:1.4rem;margin:0 0 .6rem} h2{font-size:1.1rem;margin:1rem 0 .5rem} .card>h2:first-child{margin-top:0}
code{font:13px/1.45 ui-monospace,Menlo,Consolas,monospace;overflow-wrap:break-word}
.muted{color:var(--muted)}
a{color:#0b5cad}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border-top:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}
th{color:var(--muted);font-weight:600}
.tag{display:inline-block;border-radius:999px;padding:0 .55rem;font-size:12px;font-weight:600;white-space:nowrap}
.tag.ok{background:#dafbe1;color:var(--accent)} .tag.warn{background:var(--warn-bg);color:var(--warn)} .tag.bad{background:var(--bad-bg);color:var(--bad)}
.button{display:inline-block;padding:.3rem .8rem;border-radius:6px;background:var(--accent);color:#fff;text-decoration:none;font-weight:600;white-space:nowrap}
.error-code{display:inline-block;background:var(--bad-bg);color:var(--bad);border:1px solid var(--bad);border-radius:4px;padding:0 .4rem;font-weight:600}
.card.refused{border-left:4px solid var(--bad)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:.6rem 0} dl.facts dt{color:var(--muted)} dl.facts dd{margin:0;overflow-wrap:anywhere}
`;

export function spPage(title: string, body: string, attrs = ''): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeXml(title)}</title><link rel="stylesheet" href="${SP_STYLESHEET_PATH}"></head>` +
    `<body${attrs}><header class="bar"><strong>sso-harness reference SP</strong><a href="/">all tenants</a></header><main>${body}</main></body></html>`
  );
}
