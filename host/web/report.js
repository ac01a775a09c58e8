// A report document (reports/DOCUMENT_MODEL.md, waymark.report/1) drawn on screen: headings,
// notices, tables with band colours and their codes, the Venn and charts as SVG, and every figure
// that lists its pupils opens that list (the drill-down) beside the report.
import { el, clear, text_colour_on, british_date } from './dom.js';

const svg_ns = 'http://www.w3.org/2000/svg';
function svg(tag, attributes, ...children) {
  const node = document.createElementNS(svg_ns, tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}
const svg_text = (attributes, text) => { const t = svg('text', attributes); t.textContent = text; return t; };

export function render_report(document_json, container) {
  clear(container);
  const lists = new Map();
  for (const block of document_json.blocks) {
    if (block.type === 'pupil_lists') for (const list of block.lists) lists.set(list.id, list);
  }
  const drill = el('section', { class: 'drill', hidden: true, 'aria-live': 'polite', tabindex: '-1' });
  const open_list = (id) => {
    const list = lists.get(id);
    if (!list) return;
    clear(drill).append(
      el('h3', { text: `Pupils: ${list.title}` }),
      el('table', { class: 'data' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Pupil' }), list.columns.map((c) => el('th', { scope: 'col', text: c })))),
        el('tbody', {}, list.pupils.map((p) => el('tr', {}, el('th', { scope: 'row', text: p.name }), p.values.map((v) => el('td', { text: v })))))),
      el('button', { type: 'button', onclick: () => { drill.hidden = true; } }, 'Close the list'));
    drill.hidden = false;
    drill.focus();
  };
  const figure = (text, pupils, label) => (pupils && lists.has(pupils)
    ? el('button', { type: 'button', class: 'figure', 'aria-label': `${text}: show the pupils${label ? ` (${label})` : ''}`, onclick: () => open_list(pupils) }, text)
    : document.createTextNode(text));

  container.append(el('h2', { text: document_json.title }),
    el('ul', { class: 'report-facts' },
      el('li', { text: document_json.counts }),
      document_json.filters.map((f) => el('li', { text: f })),
      el('li', { text: `Data as of ${british_date(document_json.as_of)}` }),
      document_json.excluded_pupils ? el('li', { class: 'notice', text: `${document_json.excluded_pupils} pupils are left out (Include in Data is No).` }) : null));

  if (lists.size) container.append(el('p', { class: 'hint', text: 'Underlined figures open the list of the pupils behind them.' }));
  for (const block of document_json.blocks) {
    const drawn = draw_block(block, figure);
    if (drawn) container.append(drawn);
  }
  container.append(drill);
}

function band_cell(td, band) {
  if (!band) return;
  td.style.backgroundColor = band.colour;
  td.style.color = text_colour_on(band.colour);
}

function draw_block(block, figure) {
  switch (block.type) {
    case 'heading': return el(`h${Math.min(6, (block.level || 1) + 2)}`, { text: block.text });
    case 'paragraph': return el('p', { class: block.notice ? 'notice' : '' }, block.text);
    case 'key_values': return el('dl', { class: 'key-values' }, block.items.map((i) => [el('dt', { text: i.key }), el('dd', { text: i.value })]));
    case 'table': return draw_table(block, figure);
    case 'matrix': return draw_matrix(block, figure);
    case 'venn': return draw_venn(block, figure);
    case 'chart': return draw_chart(block);
    case 'form': return el('section', { class: 'form-block' }, block.title ? el('h3', { text: block.title }) : null,
      el('dl', {}, block.fields.map((f) => [el('dt', { text: f.label }), el('dd', { text: (f.answers || []).join(' / ') || '—' })])));
    default: return null;  // pupil lists open from their figures; page breaks are for paper
  }
}

function table_cell(tag, cell, figure, scope) {
  const node = el(tag, { colspan: cell.span && cell.span > 1 ? cell.span : null, scope });
  node.append(figure(cell.text, cell.pupils));
  if (cell.band) {
    band_cell(node, cell.band);
    const said = cell.text.includes(cell.band.code) || (cell.band.label && cell.text.includes(cell.band.label));
    if (!said) node.append(el('span', { class: 'band-code', text: ` [${cell.band.code}]` }));
  }
  return node;
}

function draw_table(block, figure) {
  const table = el('table', { class: 'data' }, el('caption', { text: block.title }));
  const head = el('thead', {});
  for (const row of block.header_rows || []) head.append(el('tr', {}, row.map((c) => table_cell('th', c, figure, 'colgroup'))));
  head.append(el('tr', {}, block.columns.map((c) => el('th', { scope: 'col', class: `t-${c.type}`, text: c.label }))));
  const body = el('tbody', {}, block.rows.map((row) => el('tr', {}, row.map((c, i) => table_cell(i === 0 ? 'th' : 'td', c, figure, i === 0 ? 'row' : null)))));
  table.append(head, body);
  if (block.footer_rows && block.footer_rows.length) {
    table.append(el('tfoot', {}, block.footer_rows.map((row) => el('tr', { class: 'statistics' }, row.map((c, i) => table_cell(i === 0 ? 'th' : 'td', c, figure, i === 0 ? 'row' : null))))));
  }
  return el('div', { class: 'table-scroll' }, table);
}

// A share as a reader wants it: at most one decimal (the document carries the exact value).
const percent = (value) => `${Math.round(value * 10) / 10}%`;

function draw_matrix(block, figure) {
  const table = el('table', { class: 'data matrix' }, el('caption', { text: block.title }));
  table.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: `${block.row_title} \u2193 / ${block.column_title} \u2192` }),
    block.columns.map((c) => { const th = el('th', { scope: 'col', text: c.label }); band_cell(th, c.band); return th; }))));
  table.append(el('tbody', {}, block.rows.map((r, i) => {
    const th = el('th', { scope: 'row', text: r.label });
    band_cell(th, r.band);
    return el('tr', {}, th, block.cells[i].map((cell) => el('td', {},
      figure(cell.percent !== undefined ? `${cell.count} (${percent(cell.percent)})` : String(cell.count), cell.pupils))));
  })));
  return el('div', { class: 'table-scroll' }, table);
}

// Three translucent circles; each region's count sits in it and opens its pupils.
function draw_venn(block, figure) {
  const centres = [[150, 120], [230, 120], [190, 190]];
  const colours = ['#1E88E5', '#E53935', '#43A047'];
  const region_at = (inside) => {
    const key = [...inside].sort().join(',');
    const spots = { '0': [110, 100], '1': [270, 100], '2': [190, 245], '0,1': [190, 90], '0,2': [145, 175], '1,2': [235, 175], '0,1,2': [190, 145], '': [40, 270] };
    return spots[key];
  };
  const picture = svg('svg', { viewBox: '0 0 380 300', role: 'img', 'aria-label': `${block.title}: Venn diagram; the table beside it lists every region`, class: 'venn' },
    centres.map(([x, y], i) => svg('circle', { cx: x, cy: y, r: 85, fill: colours[i], 'fill-opacity': '0.25', stroke: colours[i], 'stroke-width': 2, 'stroke-dasharray': ['', '6 3', '2 3'][i] })),
    centres.map(([x, y], i) => svg_text({ x: i === 2 ? x : x + (i === 0 ? -70 : 70), y: i === 2 ? y + 100 : y - 95, 'text-anchor': 'middle', class: 'venn-label' }, block.sets[i])),
    block.regions.map((r) => { const [x, y] = region_at(r.in); return svg_text({ x, y, 'text-anchor': 'middle', class: 'venn-count' }, String(r.count)); }));
  const describe = (inside) => (inside.length === 0 ? 'None of the three' : inside.map((i) => block.sets[i]).join(' and ') + (inside.length < 3 ? ' only' : ''));
  const table = el('table', { class: 'data' }, el('caption', { text: `${block.title} (${block.total} pupils)` }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'On track in' }), el('th', { scope: 'col', text: 'Pupils' }))),
    el('tbody', {}, block.regions.map((r) => el('tr', {}, el('th', { scope: 'row', text: describe(r.in) }),
      el('td', {}, figure(`${r.count} (${percent(r.percent)})`, r.pupils, describe(r.in)))))));
  // Beneath the regions, not among them: these pupils are not in the total (waymark.report/1.1).
  if (block.unjudged) {
    const apart = block.unjudged;
    table.append(el('tfoot', {}, el('tr', {}, el('th', { scope: 'row', text: apart.label }),
      el('td', { class: 'venn-unjudged' }, figure(String(apart.count), apart.pupils, apart.label)))));
  }
  return el('div', { class: 'venn-block' }, picture, table);
}

// Each series its own marker shape, the later ones smaller, so equal values stay visible one on
// another and a greyscale print still tells the series apart.
const shapes = ['circles', 'squares', 'triangles', 'diamonds'];
function marker(k, x, y, colour) {
  const r = Math.max(3, 8 - 1.5 * k);
  switch (k % shapes.length) {
    case 0: return svg('circle', { cx: x, cy: y, r, fill: colour, stroke: '#fff' });
    case 1: return svg('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r, fill: colour, stroke: '#fff' });
    case 2: return svg('polygon', { points: `${x},${y - r} ${x + r},${y + r} ${x - r},${y + r}`, fill: colour, stroke: '#fff' });
    default: return svg('polygon', { points: `${x},${y - r} ${x + r},${y} ${x},${y + r} ${x - r},${y}`, fill: colour, stroke: '#fff' });
  }
}

function draw_chart(block) {
  const width = 560;
  const height = 260;
  const left = 48;
  const bottom = 40;
  const values = block.series.flatMap((s) => s.values).filter((v) => v !== null);
  const low = block.y_min ?? Math.min(0, ...values);
  const high = block.y_max ?? Math.max(1, ...values);
  const x_of = (i) => left + ((width - left - 20) * (block.categories.length === 1 ? 0.5 : i / (block.categories.length - 1)));
  const y_of = (v) => height - bottom - ((height - bottom - 20) * (v - low)) / (high - low || 1);
  const palette = ['#1E88E5', '#E53935', '#43A047', '#8E24AA', '#F4511E'];
  const dashes = ['', '6 3', '2 3', '8 3 2 3', '1 2'];
  const picture = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${block.title}; the table below gives the figures`, class: 'chart' },
    svg('line', { x1: left, y1: height - bottom, x2: width - 10, y2: height - bottom, stroke: '#333' }),
    svg('line', { x1: left, y1: 10, x2: left, y2: height - bottom, stroke: '#333' }),
    svg_text({ x: 4, y: y_of(high) + 4, class: 'axis' }, String(high)), svg_text({ x: 4, y: y_of(low), class: 'axis' }, String(low)),
    block.categories.map((c, i) => svg_text({ x: x_of(i), y: height - bottom + 16, 'text-anchor': 'middle', class: 'axis' }, c)),
    block.series.map((s, k) => {
      const colour = s.colour || palette[k % palette.length];
      const points = s.values.map((v, i) => (v === null ? null : [x_of(i), y_of(v)])).filter(Boolean);
      return svg('g', {},
        svg('polyline', { points: points.map((p) => p.join(',')).join(' '), fill: 'none', stroke: colour, 'stroke-width': 2, 'stroke-dasharray': dashes[k % dashes.length] }),
        points.map(([x, y]) => marker(k, x, y, colour)));
    }));
  const legend = el('ul', { class: 'legend' }, block.series.map((s, k) => {
    const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.backgroundColor = s.colour || palette[k % palette.length];
    return el('li', {}, swatch, ` ${s.name} (${shapes[k % shapes.length]}${dashes[k % dashes.length] ? ', dashed' : ''})`);
  }));
  const table = el('table', { class: 'data' }, el('caption', { text: block.title }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: block.x_title || '' }), block.categories.map((c) => el('th', { scope: 'col', text: c })))),
    el('tbody', {}, block.series.map((s) => el('tr', {}, el('th', { scope: 'row', text: s.name }), s.values.map((v) => el('td', { text: v === null ? '–' : String(v) }))))));
  return el('div', { class: 'chart-block' }, el('h3', { text: block.title }), picture, legend, el('div', { class: 'table-scroll' }, table));
}
