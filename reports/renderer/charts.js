// charts.js: small SVG charts built with createElementNS (bars over bins, lines over time); no library, no HTML strings.
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  for (const c of children) if (c) el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  return el;
}

/** Bars for histogram bins [{fromMs, toMs, count}] on a log-spaced x axis; marks at the given percentiles. */
function histogramChart(bins, marks, opts) {
  const o = Object.assign({ width: 720, height: 220, xLabel: 'latency (ms)', yLabel: 'queries' }, opts || {});
  const pad = { l: 48, r: 12, t: 12, b: 40 };
  const W = o.width - pad.l - pad.r,
    H = o.height - pad.t - pad.b;
  const root = svg('svg', {
    viewBox: `0 0 ${o.width} ${o.height}`,
    class: 'chart',
    role: 'img',
    'aria-label': o.yLabel + ' by ' + o.xLabel,
  });
  if (!bins.length) {
    root.appendChild(svg('text', { x: pad.l, y: pad.t + 20 }, 'no data'));
    return root;
  }
  const maxC = maxOf(bins.map((b) => b.count));
  const lo = Math.log(bins[0].fromMs),
    hi = Math.log(bins[bins.length - 1].toMs);
  const x = (ms) => pad.l + ((Math.log(ms) - lo) / (hi - lo || 1)) * W;
  const y = (c) => pad.t + H - (c / (maxC || 1)) * H;
  for (const b of bins) {
    const bar = svg('rect', {
      x: x(b.fromMs),
      y: y(b.count),
      width: Math.max(1, x(b.toMs) - x(b.fromMs) - 1),
      height: pad.t + H - y(b.count),
      class: 'bar',
    });
    bar.appendChild(svg('title', null, `${b.fromMs}–${b.toMs} ms: ${b.count}`));
    root.appendChild(bar);
  }
  root.appendChild(svg('line', { x1: pad.l, y1: pad.t + H, x2: pad.l + W, y2: pad.t + H, class: 'axis' }));
  root.appendChild(svg('line', { x1: pad.l, y1: pad.t, x2: pad.l, y2: pad.t + H, class: 'axis' }));
  const ticks = 5;
  for (let k = 0; k <= ticks; k++) {
    const ms = Math.exp(lo + ((hi - lo) * k) / ticks);
    root.appendChild(
      svg(
        'text',
        { x: x(ms), y: pad.t + H + 14, class: 'tick', 'text-anchor': 'middle' },
        ms >= 10 ? ms.toFixed(0) : ms.toFixed(2),
      ),
    );
  }
  root.appendChild(
    svg('text', { x: pad.l + W / 2, y: o.height - 6, class: 'label', 'text-anchor': 'middle' }, o.xLabel),
  );
  root.appendChild(svg('text', { x: 4, y: pad.t + 10, class: 'tick' }, String(maxC)));
  for (const m of marks || []) {
    if (m.value === null || m.value === undefined || m.value <= 0) continue;
    const mx = Math.min(pad.l + W, Math.max(pad.l, x(m.value)));
    root.appendChild(svg('line', { x1: mx, y1: pad.t, x2: mx, y2: pad.t + H, class: 'mark' }));
    root.appendChild(svg('text', { x: mx + 3, y: pad.t + 10, class: 'mark-label' }, m.label));
  }
  return root;
}

/** Lines of y over x for several series [{name, points: [[x, y]]}], with shaded x ranges [{from, to, label}]. */
function lineChart(series, bands, opts) {
  const o = Object.assign({ width: 720, height: 220, xLabel: 's', yLabel: '' }, opts || {});
  const pad = { l: 52, r: 12, t: 16, b: 36 };
  const W = o.width - pad.l - pad.r,
    H = o.height - pad.t - pad.b;
  const root = svg('svg', {
    viewBox: `0 0 ${o.width} ${o.height}`,
    class: 'chart',
    role: 'img',
    'aria-label': o.yLabel,
  });
  const pts = series.flatMap((s) => s.points);
  if (!pts.length) {
    root.appendChild(svg('text', { x: pad.l, y: pad.t + 20 }, 'no data'));
    return root;
  }
  const xs = pts.map((p) => p[0]),
    ys = pts.map((p) => p[1]);
  const x0 = minOf(xs),
    x1 = maxOf(xs),
    y1 = maxOf(ys) * 1.05 || 1;
  const x = (v) => pad.l + ((v - x0) / (x1 - x0 || 1)) * W;
  const y = (v) => pad.t + H - (v / y1) * H;
  for (const b of bands || []) {
    root.appendChild(
      svg('rect', { x: x(b.from), y: pad.t, width: Math.max(1, x(b.to) - x(b.from)), height: H, class: 'band' }),
    );
    root.appendChild(svg('text', { x: x(b.from) + 3, y: pad.t + 10, class: 'mark-label' }, b.label));
  }
  series.forEach((s, k) => {
    const d = s.points.map((p, i) => `${i ? 'L' : 'M'}${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join(' ');
    const path = svg('path', { d, class: `line line-${k % 6}` });
    path.appendChild(svg('title', null, s.name));
    root.appendChild(path);
  });
  root.appendChild(svg('line', { x1: pad.l, y1: pad.t + H, x2: pad.l + W, y2: pad.t + H, class: 'axis' }));
  root.appendChild(svg('text', { x: 4, y: pad.t + 4, class: 'tick' }, y1.toFixed(0)));
  root.appendChild(
    svg('text', { x: pad.l + W / 2, y: o.height - 6, class: 'label', 'text-anchor': 'middle' }, o.xLabel),
  );
  return root;
}

/** Points with 95 % whiskers over categories [{x, value, lo, hi, cls}]; cls colours a point (e.g. 'regression'). */
function intervalChart(points, opts) {
  const o = Object.assign({ width: 720, height: 200, yLabel: '' }, opts || {});
  const pad = { l: 60, r: 16, t: 16, b: 40 };
  const W = o.width - pad.l - pad.r,
    H = o.height - pad.t - pad.b;
  const root = svg('svg', {
    viewBox: `0 0 ${o.width} ${o.height}`,
    class: 'chart',
    role: 'img',
    'aria-label': o.yLabel,
  });
  if (!points.length) {
    root.appendChild(svg('text', { x: pad.l, y: pad.t + 20 }, 'no data'));
    return root;
  }
  let y0 = minOf(points.map((p) => p.lo)),
    y1 = maxOf(points.map((p) => p.hi));
  if (y1 === y0) {
    y0 -= Math.abs(y0) * 0.05 || 1;
    y1 += Math.abs(y1) * 0.05 || 1;
  }
  const span = y1 - y0;
  y0 -= span * 0.08;
  y1 += span * 0.08;
  const step = W / points.length;
  const x = (i) => pad.l + step * (i + 0.5);
  const y = (v) => pad.t + H - ((v - y0) / (y1 - y0)) * H;
  root.appendChild(svg('line', { x1: pad.l, y1: pad.t + H, x2: pad.l + W, y2: pad.t + H, class: 'axis' }));
  root.appendChild(svg('line', { x1: pad.l, y1: pad.t, x2: pad.l, y2: pad.t + H, class: 'axis' }));
  for (const v of [y0 + span * 0.08, (y0 + y1) / 2, y1 - span * 0.08]) {
    root.appendChild(svg('text', { x: pad.l - 4, y: y(v) + 3, class: 'tick', 'text-anchor': 'end' }, fmt(v)));
  }
  const d = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  root.appendChild(svg('path', { d, class: 'line line-0' }));
  const every = Math.max(1, Math.ceil(points.length / 12));
  points.forEach((p, i) => {
    const g = svg('g', { class: `pt ${p.cls || ''}` });
    g.appendChild(svg('line', { x1: x(i), y1: y(p.lo), x2: x(i), y2: y(p.hi), class: 'whisker' }));
    g.appendChild(svg('circle', { cx: x(i), cy: y(p.value), r: 3.5 }));
    g.appendChild(svg('title', null, `${p.x}: ${fmt(p.value)} (${fmt(p.lo)}–${fmt(p.hi)})${p.cls ? ' ' + p.cls : ''}`));
    root.appendChild(g);
    if (i % every === 0)
      root.appendChild(svg('text', { x: x(i), y: pad.t + H + 14, class: 'tick', 'text-anchor': 'middle' }, p.x));
  });
  root.appendChild(
    svg('text', { x: pad.l + W / 2, y: o.height - 6, class: 'label', 'text-anchor': 'middle' }, o.yLabel),
  );
  return root;
}
