/*
 * The load report's chart as inline SVG (no script, no CDN): per second of the run, offered (dashed), completed
 * and failed sign-ins/s on the left axis, p50 and p99 of the whole sign-in on the right axis (milliseconds). One polyline
 * per series; a second without completions leaves a gap in the latency lines.
 */
import type { SecondRow } from '../stats.ts';

const W = 900;
const H = 320;
const M = { left: 56, right: 64, top: 20, bottom: 40 };

/** A round axis maximum at or above `max`: 1, 2 or 5 × a power of ten. */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].find((m) => m * power >= max) ?? 10) * power;
}

function polylines(rows: readonly SecondRow[], value: (row: SecondRow) => number | null, x: (i: number) => number, y: (v: number) => number): string[] {
  const runs: string[] = [];
  let points: string[] = [];
  rows.forEach((row, i) => {
    const v = value(row);
    if (v === null) {
      if (points.length > 0) runs.push(points.join(' '));
      points = [];
      return;
    }
    points.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (points.length > 0) runs.push(points.join(' '));
  return runs;
}

export function loadChartSvg(rows: readonly SecondRow[]): string {
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const rateMax = niceMax(Math.max(...rows.map((r) => Math.max(r.completed, r.errors, r.offered)), 1));
  const msMax = niceMax(Math.max(...rows.map((r) => r.p99 ?? 0), 1));
  const x = (i: number) => M.left + (rows.length <= 1 ? 0 : (i / (rows.length - 1)) * plotW);
  const yRate = (v: number) => M.top + plotH - (v / rateMax) * plotH;
  const yMs = (v: number) => M.top + plotH - (v / msMax) * plotH;
  const series = [
    { name: 'offered/s', color: '#8c959f', axis: yRate, value: (r: SecondRow) => r.offered, dash: true },
    { name: 'completed sign-ins/s', color: '#1a7f37', axis: yRate, value: (r: SecondRow) => r.completed },
    { name: 'failed sign-ins/s', color: '#cf222e', axis: yRate, value: (r: SecondRow) => r.errors },
    { name: 'p50 ms', color: '#0969da', axis: yMs, value: (r: SecondRow) => r.p50 },
    { name: 'p99 ms', color: '#8250df', axis: yMs, value: (r: SecondRow) => r.p99 },
  ];
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="throughput and latency per second" class="load-chart">`,
    `<rect x="${M.left}" y="${M.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#d0d7de"/>`,
    ...ticks.map((t) => {
      const y = M.top + plotH - t * plotH;
      return `<line x1="${M.left}" x2="${M.left + plotW}" y1="${y}" y2="${y}" stroke="#eaeef2"/><text x="${M.left - 6}" y="${y + 4}" text-anchor="end" font-size="11">${+(t * rateMax).toFixed(2)}</text><text x="${M.left + plotW + 6}" y="${y + 4}" font-size="11">${+(t * msMax).toFixed(1)}</text>`;
    }),
    `<text x="${M.left + plotW / 2}" y="${H - 8}" text-anchor="middle" font-size="12">second of the run (0–${Math.max(0, rows.length - 1)})</text>`,
    `<text x="14" y="${M.top + plotH / 2}" font-size="12" transform="rotate(-90 14 ${M.top + plotH / 2})" text-anchor="middle">sign-ins/s</text>`,
    `<text x="${W - 12}" y="${M.top + plotH / 2}" font-size="12" transform="rotate(90 ${W - 12} ${M.top + plotH / 2})" text-anchor="middle">ms</text>`,
  ];
  series.forEach((s, n) => {
    for (const points of polylines(rows, s.value, x, s.axis))
      parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${points}"><title>${s.name}</title></polyline>`);
    parts.push(
      `<rect x="${M.left + 10 + n * 190}" y="${M.top + 6}" width="12" height="3" fill="${s.color}"/><text x="${M.left + 26 + n * 190}" y="${M.top + 11}" font-size="11">${s.name}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
