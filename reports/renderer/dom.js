// dom.js: browser helpers for the reports: elements from data with textContent only, sortable tables, formatting.
'use strict';

/** h('div', {class: 'x'}, 'text', child): attributes set one by one, strings become text nodes, never HTML. */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k.startsWith('data-')) el.setAttribute(k, String(v));
    else if (k === 'title' || k === 'id' || k === 'scope' || k === 'colspan') el.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Largest / smallest of a list in one pass (spreading a long list into Math.max overflows the stack). */
function maxOf(values, empty) {
  let m = -Infinity;
  for (const v of values) if (v > m) m = v;
  return m === -Infinity && empty !== undefined ? empty : m;
}

function minOf(values, empty) {
  let m = Infinity;
  for (const v of values) if (v < m) m = v;
  return m === Infinity && empty !== undefined ? empty : m;
}

function fmt(v, digits, unit) {
  if (v === undefined || v === null || (typeof v === 'number' && !Number.isFinite(v))) return 'n/a';
  if (typeof v !== 'number') return String(v);
  const a = Math.abs(v);
  const d =
    digits !== undefined
      ? digits
      : a >= 100
        ? 0
        : a >= 10
          ? 1
          : a >= 1 || a === 0
            ? 2
            : Math.min(8, 1 - Math.floor(Math.log10(a)) + 1);
  return v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) + (unit ? ` ${unit}` : '');
}

/** A table whose header cells sort its rows on click (numbers numerically, text alphabetically). */
function sortableTable(columns, rows, opts) {
  const o = opts || {};
  const thead = h(
    'thead',
    null,
    h(
      'tr',
      null,
      columns.map((c, k) => {
        const th = h('th', { scope: 'col', 'data-col': k, title: 'click to sort' }, c.label);
        th.addEventListener('click', () => sortBy(k));
        return th;
      }),
    ),
  );
  const tbody = h('tbody');
  const table = h('table', { class: 'sortable' + (o.className ? ` ${o.className}` : '') }, thead, tbody);
  let state = { col: -1, dir: 1 };
  function render(list) {
    tbody.replaceChildren(
      ...list.map((row) => {
        const tr = h(
          'tr',
          { class: row.className },
          columns.map((c) => {
            const v = c.value(row);
            const td = h('td', { class: c.numeric ? 'num' : '' }, c.format ? c.format(v, row) : fmt(v));
            if (c.cellClass) {
              const extra = c.cellClass(row);
              if (extra) td.className += ` ${extra}`;
            }
            return td;
          }),
        );
        return tr;
      }),
    );
  }
  function sortBy(k) {
    state = { col: k, dir: state.col === k ? -state.dir : 1 };
    const c = columns[k];
    const sorted = rows.slice().sort((a, b) => {
      const x = c.value(a),
        y = c.value(b);
      if (x === y) return 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * state.dir;
    });
    thead
      .querySelectorAll('th')
      .forEach((th, i) => th.setAttribute('data-sort', i === k ? (state.dir > 0 ? 'asc' : 'desc') : ''));
    render(sorted);
  }
  render(rows);
  return table;
}

function section(title, ...children) {
  return h('section', null, h('h2', null, title), ...children);
}

function kv(pairs) {
  return h(
    'dl',
    { class: 'kv' },
    pairs.filter(Boolean).map(([k, v]) => [h('dt', null, k), h('dd', null, v)]),
  );
}

function readData() {
  return JSON.parse(document.getElementById('minerbench-data').textContent);
}
