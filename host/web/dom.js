// Small helpers for building the page with the DOM (never innerHTML with data, so no markup from
// the database can run).
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) { while (node.firstChild) node.firstChild.remove(); return node; }

// Text only a screen reader speaks.
export const hidden_text = (text) => el('span', { class: 'sr-only', text });

export function field(label_text, control, hint) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  const hint_node = hint ? el('span', { class: 'hint', id: `${id}-hint`, text: hint }) : null;
  if (hint_node) control.setAttribute('aria-describedby', hint_node.id);
  return el('div', { class: 'field' }, el('label', { for: id, text: label_text }), control, hint_node);
}

export function select(options, chosen, attributes) {
  const node = el('select', attributes || {});
  for (const option of options) {
    const [value, label] = Array.isArray(option) ? option : [option, option];
    node.append(el('option', { value: String(value), selected: String(value) === String(chosen ?? ''), text: label }));
  }
  return node;
}

// A refusal or failure shown where the person is looking, read out by screen readers.
export function problem_box(message) { return el('p', { class: 'problem', role: 'alert', text: message }); }

// Black or white text, whichever reads better on a band colour (WCAG contrast).
export function text_colour_on(background) {
  const hex = (background || '#FFFFFF').replace('#', '');
  const channel = (i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  const on_black = (luminance + 0.05) / 0.05;
  const on_white = 1.05 / (luminance + 0.05);
  return on_black >= on_white ? '#000000' : '#FFFFFF';
}

export function pupil_name(pupil) { return `${pupil.forename} ${pupil.surname}`; }

export function year_name(year) {
  if (year === 0 || year === 'R') return 'Reception';
  if (year === -1 || year === 'N') return 'Nursery';
  return `Year ${year}`;
}

export function british_date(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

export function time_of(iso) {
  if (!iso) return '';
  const when = new Date(iso);
  return `${when.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })} on ${british_date(iso)}`;
}

// [class, "Ash (Year 3)"] for each class of these pupils, youngest year first: class names such as
// trees or animals say nothing of the year.
export function class_options(pupils) {
  const year_of = new Map();
  for (const p of pupils) if (p.class && !year_of.has(p.class)) year_of.set(p.class, p.nc_year);
  return [...year_of].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .map(([name, year]) => [name, `${name} (${year_name(year)})`]);
}
