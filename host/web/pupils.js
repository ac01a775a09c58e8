// The Pupils screen (issue 7, screen 2): search (the selection remembered), each pupil's record,
// interventions, meetings and profile; for administrators and leaders, adding and editing a pupil with
// every field, editing many at once with fill-down (new classes in September), archiving leavers and
// returning a pupil archived by mistake. Everyone else sees the same fields read-only, and the server
// checks every change again. Fields the MIS owns are grouped and labelled as such: for a school fed by
// an MIS, `waymark sync` replaces them, and the page says so rather than let an edit vanish quietly.
import { get, post, put, query, file_url } from './api.js';
import { el, clear, field, select, problem_box, pupil_name, year_name, british_date, class_options } from './dom.js';
import { render_report } from './report.js';
import { school_path, table_of } from './screens.js';

const search_key = 'waymark.pupils.search';

// What the last change did, said once on the screen drawn after it.
let notice = null;
function said_after(main) {
  if (!notice) return;
  main.append(el('p', { class: 'notice', role: 'status', text: notice }));
  notice = null;
}

const first_languages = [['', 'Not recorded'], ['ENG', 'ENG: English'], ['ENB', 'ENB: believed English'], ['OTH', 'OTH: other than English'],
  ['OTB', 'OTB: believed other than English'], ['NOT', 'NOT: not obtained'], ['REF', 'REF: refused']];
const sen_codes = [['N', 'N: none'], ['K', 'K: SEN support'], ['E', 'E: EHC plan'], ['A', 'A: School Action (historic)'],
  ['P', 'P: School Action Plus (historic)'], ['S', 'S: statement (historic)']];
const year_overrides = [['', 'None (their age group)'], ['N', 'Nursery'], ['R', 'Reception'],
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((y) => [String(y), `Year ${y}`])];

// Every field of a pupil record, in the order the form shows them. `kind` says how it is typed.
const record_fields = [
  { name: 'upn', label: 'UPN', kind: 'text', hint: '13 characters, starting with the check letter' },
  { name: 'former_upn', label: 'Former UPN', kind: 'text', hint: 'Blank when none' },
  { name: 'surname', label: 'Surname', kind: 'text' },
  { name: 'forename', label: 'Forename', kind: 'text' },
  { name: 'date_of_birth', label: 'Date of birth', kind: 'date' },
  { name: 'gender', label: 'Gender', kind: 'choice', options: [['', 'Choose M or F'], ['F', 'F: female'], ['M', 'M: male']] },
  { name: 'postcode', label: 'Postcode', kind: 'text', hint: 'UNKNOWN uses the school\u2019s own' },
  { name: 'ethnicity', label: 'Ethnic code', kind: 'text', hint: 'e.g. WBRI, MWBC; REFU refused, NOBT not obtained' },
  { name: 'first_language', label: 'First language', kind: 'choice', options: first_languages },
  { name: 'eal', label: 'EAL (English as an additional language)', kind: 'yes_no', short: 'EAL' },
  { name: 'fsm', label: 'FSM (free school meals now)', kind: 'yes_no', short: 'FSM' },
  { name: 'ever6_fsm', label: 'Ever 6 FSM', kind: 'yes_no', short: 'Ever 6' },
  { name: 'looked_after', label: 'Looked after', kind: 'yes_no', short: 'Looked after' },
  { name: 'sen', label: 'SEN', kind: 'choice', options: sen_codes },
  { name: 'class', label: 'Class', kind: 'text', hint: 'A new name makes a new class' },
  { name: 'year_override', label: 'Year group override', kind: 'choice', options: year_overrides },
  { name: 'date_joined', label: 'Date joined', kind: 'date' },
  { name: 'la_reference', label: 'LA reference', kind: 'text' },
  { name: 'pupil_premium', label: 'Pupil premium', kind: 'yes_no', short: 'PP' },
  { name: 'previously_looked_after', label: 'Previously looked after', kind: 'yes_no', short: 'Prev. looked after' },
  { name: 'alternative_assessment', label: 'Alternative assessment (e.g. PIVATS)', kind: 'yes_no', short: 'Alt. assessment' },
  ...[1, 2, 3, 4, 5, 6].map((n) => ({ name: `custom_flag_${n}`, label: `Custom flag ${n}`, kind: 'yes_no', flag: n })),
  { name: 'include_in_data', label: 'Include in data', kind: 'yes_no', short: 'In data' },
];

const date_hint = 'dd/mm/yyyy, e.g. 05/03/2019';

// A custom flag's label is the name the school gave it (Maintenance); an unnamed one says so.
function label_of(spec, flag_names) {
  if (!spec.flag) return spec.label;
  const name = flag_names[spec.flag - 1];
  return name ? `${name} (custom flag ${spec.flag})` : `Custom flag ${spec.flag} (not named yet)`;
}

// The record's value as the form shows and the server reads it: Y/N, dd/mm/yyyy, R/N/1..11.
function typed_value(spec, record) {
  const value = record ? record[spec.name] : null;
  if (spec.kind === 'yes_no') return value === undefined || value === null ? (spec.name === 'include_in_data' ? 'Y' : 'N') : (value ? 'Y' : 'N');
  if (spec.kind === 'date') return value ? british_date(value) : '';
  if (spec.name === 'year_override') return value === null || value === undefined ? '' : value === 0 ? 'R' : value < 0 ? 'N' : String(value);
  return value === null || value === undefined ? '' : String(value);
}

function control_for(spec, value, attributes) {
  if (spec.kind === 'yes_no') return el('input', { type: 'checkbox', checked: value === 'Y', ...attributes });
  if (spec.kind === 'choice') return select(spec.options, value, attributes);
  return el('input', { type: 'text', value, autocomplete: 'off', spellcheck: 'false', ...attributes });
}

function value_of(control) { return control.type === 'checkbox' ? (control.checked ? 'Y' : 'N') : control.value.trim(); }

function set_value(control, value) {
  if (control.type === 'checkbox') control.checked = value === 'Y';
  else control.value = value;
}

// Shows a refusal beside the control it names (or at `fallback`), marks the control and focuses it.
function refusal_beside(form_root, fallback) {
  let shown = [];
  const forget = () => {
    for (const [box, control] of shown) {
      box.remove();
      if (control) { control.removeAttribute('aria-invalid'); control.removeAttribute('aria-errormessage'); }
    }
    shown = [];
  };
  const show = (failure, control) => {
    forget();
    const box = problem_box(failure.message);
    box.id = `problem-${Math.random().toString(36).slice(2, 9)}`;
    if (control) {
      const holder = control.closest('.field, .toggle') || control;
      if (control.closest('td')) fallback.append(box);
      else holder.after(box);
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-errormessage', box.id);
      // Once the box is being corrected, the sentence about its old value would only mislead.
      control.addEventListener(control.type === 'checkbox' ? 'change' : 'input', forget, { once: true });
      control.focus();
    } else fallback.append(box);
    shown.push([box, control]);
  };
  return { show, forget };
}

// The record with what labels its form (custom flag names, the MIS's fields); a new pupil's form
// takes those from the list of leavers, the smallest list that carries them.
function record_form_data(context, upn) {
  if (upn) return get(school_path(context, `/pupil-records/${encodeURIComponent(upn)}`));
  return get(school_path(context, '/pupil-records?archived=yes'));
}

// The pupils with the links only editors need.
function pupils_actions(context) {
  return el('p', { class: 'pupil-actions' },
    context.can_administer ? [el('a', { class: 'button', href: '#/pupil-edit' }, 'Add a pupil'), ' ',
      el('a', { class: 'button', href: '#/pupils-bulk' }, 'Edit many pupils (e.g. new classes)'), ' '] : null,
    el('a', { class: 'button', href: '#/leavers' }, 'Leavers (archived pupils)'));
}

export async function pupils_screen(context, main) {
  clear(main).append(el('h1', { text: 'Pupils' }));
  const remembered = JSON.parse(localStorage.getItem(search_key) || '{}');
  const everyone = (await get(school_path(context, '/pupils'))).pupils;
  const years = [...new Set(everyone.map((p) => p.nc_year))].sort((a, b) => a - b);
  const text = el('input', { type: 'search', value: remembered.text || '', autocomplete: 'off' });
  const class_choice = select([['', 'Every class'], ...class_options(everyone)], remembered.class || '');
  const year_choice = select([['', 'Every year'], ...years.map((y) => [y, year_name(y)])], remembered.year || '');
  const results = el('div', { 'aria-live': 'polite' });
  const form = el('form', { class: 'filters', role: 'search', 'aria-label': 'Find pupils' },
    field('Surname or UPN', text, 'Part of a surname, or a whole or partial UPN'), field('Class', class_choice), field('Year', year_choice));
  const show = () => {
    const wanted = { text: text.value.trim(), class: class_choice.value, year: year_choice.value };
    localStorage.setItem(search_key, JSON.stringify(wanted));
    const needle = wanted.text.toLowerCase();
    const found = everyone.filter((p) => (!wanted.class || p.class === wanted.class) && (!wanted.year || String(p.nc_year) === wanted.year)
      && (!needle || p.surname.toLowerCase().includes(needle) || p.upn.toLowerCase().includes(needle)));
    clear(results).append(el('p', { text: `${found.length} ${found.length === 1 ? 'pupil' : 'pupils'}` }),
      table_of(null, ['Pupil', 'UPN', 'Class', 'Year', 'In data'], found.slice(0, 200).map((p) => [
        el('a', { href: `#/pupil?upn=${encodeURIComponent(p.upn)}` }, `${p.surname}, ${p.forename}`), p.upn, p.class || '', year_name(p.nc_year), p.include_in_data ? 'Yes' : 'No (left out of data)'])));
    if (found.length > 200) results.append(el('p', { text: 'The first 200 are shown; narrow the search to see the rest.' }));
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); show(); });
  for (const control of [text, class_choice, year_choice]) control.addEventListener('input', show);
  main.append(pupils_actions(context), form, results);
  show();
}

export async function pupil_screen(context, main, params) {
  clear(main);
  const upn = params.upn;
  let record;
  try {
    record = (await get(school_path(context, `/pupil-records/${encodeURIComponent(upn || '')}`))).pupil;
  } catch (e) {
    main.append(problem_box(e.status === 404 ? `No pupil of this school has UPN ${upn}, on roll or archived.` : e.message));
    return;
  }
  main.append(el('h1', { text: pupil_name(record) }));
  said_after(main);
  if (record.archived) main.append(el('p', { class: 'notice', text: `Archived: left on ${british_date(record.date_left) || 'an unrecorded day'}. The record and its history are kept.` }));
  main.append(el('dl', { class: 'key-values' }, el('dt', { text: 'UPN' }), el('dd', { text: record.upn }), el('dt', { text: 'Class' }), el('dd', { text: record.class || '—' }),
    el('dt', { text: 'Year' }), el('dd', { text: year_name(record.nc_year) }), el('dt', { text: 'Date of birth' }), el('dd', { text: british_date(record.date_of_birth) }),
    el('dt', { text: 'In data' }), el('dd', { text: record.include_in_data ? 'Yes' : 'No' })));
  const links = el('p', {}, el('a', { class: 'button', href: `#/pupil-edit?upn=${encodeURIComponent(record.upn)}` }, context.can_administer ? 'Edit the record' : 'Every field of the record'), ' ');
  main.append(links);
  if (context.can_administer) {
    if (record.archived) main.append(return_form(context, main, record), date_left_form(context, main, record));
    else main.append(archive_form(context, main, record));
  }
  if (record.archived) {
    main.append(el('p', {}, el('a', { href: '#/leavers' }, 'Back to the leavers')));
    return;
  }
  const profile_pdf = file_url(school_path(context, `/reports/profile${query({ upn, format: 'pdf' })}`));
  links.append(el('a', { class: 'button', href: profile_pdf, download: '' }, 'Download the profile (PDF)'), ' ', el('a', { href: '#/pupils' }, 'Back to the pupil search'));
  const [interventions, meetings] = await Promise.all([
    get(school_path(context, `/pupils/${encodeURIComponent(upn)}/interventions`)).catch(() => []),
    get(school_path(context, `/pupils/${encodeURIComponent(upn)}/meetings`)).catch(() => []),
  ]);
  main.append(el('h2', { text: 'Interventions' }), interventions.length
    ? table_of(null, ['What', 'Subject', 'When', 'Cost'], interventions.map((i) => [i.description, i.subject, `${i.assessment}, ${i.academic_year}${i.started_on ? ` (from ${british_date(i.started_on)})` : ''}`, i.cost_pence === null ? '' : `£${(i.cost_pence / 100).toFixed(2)}`]))
    : el('p', { text: 'None recorded.' }));
  main.append(el('h2', { text: 'Progress meetings' }), meetings.length
    ? table_of(null, ['Held', 'Teacher', 'Assessment', 'Print'], meetings.map((m) => [british_date(m.held_on), m.teacher, m.assessment,
      el('a', { href: file_url(school_path(context, `/reports/pupil-meeting${query({ meeting: m.id, format: 'pdf' })}`)), download: '' }, 'Print PDF')]))
    : el('p', { text: 'None held yet.' }));
  const profile = el('section', { class: 'report', 'aria-label': 'Profile' });
  main.append(el('h2', { text: 'Profile' }), profile);
  try {
    render_report(await get(school_path(context, `/reports/profile${query({ upn, format: 'json' })}`)), profile);
  } catch (e) { profile.append(problem_box(e.message)); }
}

function today_british() {
  const now = new Date();
  return `${String(now.getDate()).padStart(2, '0')}/${String(now.getMonth() + 1).padStart(2, '0')}/${now.getFullYear()}`;
}

function archive_form(context, main, record) {
  const left = el('input', { type: 'text', value: today_british(), autocomplete: 'off', 'data-field': 'date_left' });
  const form = el('form', { class: 'edit-form', id: 'archive-form', 'aria-label': 'Archive as a leaver' },
    el('p', { class: 'hint form-actions', text: 'The pupil leaves the roll and every list and statistic; nothing is deleted, and Return to roll undoes it. If the school\u2019s pupils come from an MIS, the next sync returns a pupil the MIS still has on roll: record the leaver there too.' }),
    field('Date left', left, date_hint), el('button', { type: 'submit' }, `Archive ${pupil_name(record)}`));
  const refusals = refusal_beside(form, form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    refusals.forget();
    try {
      await post(school_path(context, `/pupil-records/${encodeURIComponent(record.upn)}/archive`), { date_left: left.value.trim() });
    } catch (failure) { refusals.show(failure, left); return; }
    notice = `${pupil_name(record)} is archived as a leaver.`;
    await pupil_screen(context, main, { upn: record.upn });
  });
  // Folded away: a leaver is archived a few times a year, and never by a slip of the mouse.
  return el('details', { class: 'archive' }, el('summary', { text: 'Archive as a leaver…' }), form);
}

function return_form(context, main, record) {
  const form = el('form', { class: 'edit-form', id: 'return-form', 'aria-label': 'Return to roll' },
    el('button', { type: 'submit' }, `Return ${pupil_name(record)} to roll`));
  const refusals = refusal_beside(form, form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await post(school_path(context, `/pupil-records/${encodeURIComponent(record.upn)}/return`), {});
    } catch (failure) { refusals.show(failure, null); return; }
    notice = `${pupil_name(record)} is back on roll.`;
    await pupil_screen(context, main, { upn: record.upn });
  });
  return form;
}

// A leaver's date left typed wrongly is corrected in place: they stay archived.
function date_left_form(context, main, record) {
  const left = el('input', { type: 'text', value: british_date(record.date_left) || '', autocomplete: 'off', 'data-field': 'date_left' });
  const form = el('form', { class: 'edit-form', id: 'date-left-form', 'aria-label': 'Correct the date left' },
    field('Date left', left, date_hint), el('button', { type: 'submit' }, 'Save the date left'));
  const refusals = refusal_beside(form, form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    refusals.forget();
    let saved;
    try {
      saved = (await put(school_path(context, `/pupil-records/${encodeURIComponent(record.upn)}/date-left`), { date_left: left.value.trim() })).pupil;
    } catch (failure) { refusals.show(failure, left); return; }
    notice = `${pupil_name(record)} left on ${british_date(saved.date_left)}.`;
    await pupil_screen(context, main, { upn: record.upn });
  });
  return el('details', { class: 'archive' }, el('summary', { text: 'Correct the date left…' }), form);
}

// Add (no upn) or edit one pupil; read-only for roles that may not change pupils.
export async function pupil_edit_screen(context, main, params) {
  clear(main);
  const data = await record_form_data(context, params.upn);
  const record = params.upn ? data.pupil : null;
  const editing = context.can_administer;
  const everyone = (await get(school_path(context, '/pupils'))).pupils;
  const title = !record ? 'Add a pupil' : editing ? `Edit the record of ${pupil_name(record)}` : `The record of ${pupil_name(record)}`;
  main.append(el('h1', { text: title }));
  if (!editing) main.append(el('p', { class: 'notice', text: 'Only administrators and leaders change pupil records; the fields are shown read-only.' }));
  const owned = new Set(data.mis_owned_fields);
  const classes = el('datalist', { id: 'class-names' }, class_options(everyone).map(([name]) => el('option', { value: name })));
  const controls = new Map();
  const original = new Map();
  const box_for = (spec) => {
    const value = typed_value(spec, record);
    original.set(spec.name, value);
    const attributes = { id: `pf-${spec.name}`, 'data-field': spec.name };
    if (spec.name === 'class') attributes.list = 'class-names';
    const control = control_for(spec, value, attributes);
    controls.set(spec.name, control);
    const label = label_of(spec, data.custom_flag_names);
    if (spec.kind === 'yes_no') return el('label', { class: 'toggle', for: attributes.id }, control, label);
    return field(label, control, spec.kind === 'date' ? date_hint : spec.hint);
  };
  const mis = el('fieldset', { class: 'record-fields', disabled: !editing },
    el('legend', { text: 'From the MIS' }),
    el('p', { class: 'hint whole-row', id: 'mis-note', text: 'If this school\u2019s pupils come from an MIS, the next sync (waymark sync) replaces these fields with the MIS\u2019s values, and archives a pupil the MIS does not have on roll: make the same change in the MIS.' }),
    record_fields.filter((s) => owned.has(s.name)).map(box_for));
  const own = el('fieldset', { class: 'record-fields', disabled: !editing },
    el('legend', { text: 'Waymark\u2019s own' }),
    el('p', { class: 'hint whole-row', text: 'A sync never changes these. Name the custom flags under Maintenance.' }),
    record_fields.filter((s) => !owned.has(s.name)).map(box_for));
  const foot = el('div', { class: 'form-actions' });
  const back = record ? `#/pupil?upn=${encodeURIComponent(record.upn)}` : '#/pupils';
  const form = el('form', { id: 'pupil-form', 'aria-label': title, novalidate: true }, classes, mis, own, foot);
  if (editing) foot.append(el('button', { type: 'submit', class: 'primary' }, record ? 'Save the record' : 'Add the pupil'), ' ');
  foot.append(el('a', { href: back }, record ? 'Back to the pupil' : 'Back to the pupil search'));
  main.append(form);
  const refusals = refusal_beside(form, foot);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!editing) return;
    refusals.forget();
    const fields = {};
    for (const [name, control] of controls) {
      const value = value_of(control);
      if (!record || value !== original.get(name)) fields[name] = value;
    }
    if (record && !Object.keys(fields).length) {
      refusals.show({ message: 'Nothing has changed yet: change a field, then save.' }, null);
      return;
    }
    let saved;
    try {
      saved = record ? await put(school_path(context, `/pupil-records/${encodeURIComponent(record.upn)}`), fields)
        : await post(school_path(context, '/pupil-records'), fields);
    } catch (failure) {
      refusals.show(failure, failure.field ? controls.get(failure.field) : null);
      return;
    }
    notice = record ? 'The record is saved.' : `${pupil_name(saved.pupil)} is added.`;
    context.navigate('pupil', { upn: saved.pupil.upn });
  });
}

// The columns a bulk edit offers: what September and census corrections change for many pupils at once.
const bulk_columns = ['class', 'sen', 'fsm', 'ever6_fsm', 'eal', 'looked_after', 'pupil_premium', 'previously_looked_after', 'alternative_assessment',
  'custom_flag_1', 'custom_flag_2', 'custom_flag_3', 'custom_flag_4', 'custom_flag_5', 'custom_flag_6', 'include_in_data'];

export async function pupils_bulk_screen(context, main, params) {
  clear(main).append(el('h1', { text: 'Edit many pupils' }));
  const everyone = (await get(school_path(context, '/pupils'))).pupils;
  const years = [...new Set(everyone.map((p) => p.nc_year))].sort((a, b) => a - b);
  const year_choice = select([['', 'Choose a year'], ...years.map((y) => [y === 0 ? 'R' : y === -1 ? 'N' : y, year_name(y)])], params.year || '');
  const class_choice = select([['', 'Every class of the year'], ...class_options(everyone)], params.class || '');
  const filters = el('form', { class: 'filters', 'aria-label': 'Which pupils' }, field('Year group', year_choice), field('Class', class_choice),
    el('button', { type: 'submit' }, 'Show these pupils'));
  filters.addEventListener('submit', (e) => { e.preventDefault(); context.navigate('pupils-bulk', { year: year_choice.value, class: class_choice.value }); });
  main.append(el('p', { text: 'Choose a year group or a class, change the columns (Fill down copies the top row into every row; Ctrl+D in a box copies it into the rows below), then save once. One wrong value saves nothing and is shown in its row.' }), filters);
  if (!context.can_administer) {
    main.append(el('p', { class: 'notice', text: 'Only administrators and leaders change pupil records.' }));
    return;
  }
  if (!params.year && !params.class) return;
  const data = await get(school_path(context, `/pupil-records${query({ year: params.year, class: params.class })}`));
  said_after(main);
  if (!data.pupils.length) { main.append(el('p', { text: 'No pupil on roll matches.' })); return; }
  const owned = new Set(data.mis_owned_fields);
  const columns = bulk_columns.map((name) => record_fields.find((s) => s.name === name))
    .filter((s) => !s.flag || data.custom_flag_names[s.flag - 1]);
  const mis_named = columns.filter((s) => owned.has(s.name)).map((s) => s.short || s.label);
  main.append(el('p', { class: 'notice', id: 'bulk-mis-note', text: `${mis_named.join(', ')} come from the MIS: if this school\u2019s pupils come from an MIS, the next sync replaces them, so make the same changes there. The other columns are Waymark\u2019s own.` }));
  const header_of = (spec) => {
    const label = spec.flag ? data.custom_flag_names[spec.flag - 1] : (spec.short || spec.label);
    return el('th', { scope: 'col' }, el('span', { class: 'column-name', text: label }), owned.has(spec.name) ? el('span', { class: 'mis-tag', text: ' (MIS)' }) : null, el('br'),
      el('button', { type: 'button', class: 'fill-down', 'data-column': spec.name, 'aria-label': `Fill down ${label}: copy the top row into every row` }, 'Fill down'));
  };
  const rows = data.pupils.map((record) => ({ record, controls: new Map() }));
  const save_state = el('p', { class: 'save-state', role: 'status' });
  const save = el('button', { type: 'button', class: 'primary' }, 'Save all rows');
  const problems = el('div', { class: 'bulk-problems' });
  const changed_rows = () => rows.filter((row) => [...row.controls].some(([name, control]) => value_of(control) !== typed_value(record_fields.find((s) => s.name === name), row.record)));
  const mark = () => {
    for (const row of rows) {
      for (const [name, control] of row.controls) {
        const changed = value_of(control) !== typed_value(record_fields.find((s) => s.name === name), row.record);
        control.closest('td').classList.toggle('changed', changed);
      }
    }
    const count = changed_rows().length;
    save_state.textContent = count ? `${count} ${count === 1 ? 'pupil' : 'pupils'} changed, not saved yet.` : 'No changes yet.';
  };
  const fill = (name, from) => {
    const value = value_of(rows[from].controls.get(name));
    for (const row of rows.slice(from + 1)) set_value(row.controls.get(name), value);
    mark();
    context.announce(`Copied into ${rows.length - from - 1} rows below; not saved yet.`);
  };
  const body = el('tbody', {}, rows.map((row, index) => el('tr', {}, el('th', { scope: 'row' }, `${row.record.surname}, ${row.record.forename}`, el('br'), el('span', { class: 'muted', text: row.record.upn })),
    columns.map((spec) => {
      const label = spec.flag ? data.custom_flag_names[spec.flag - 1] : (spec.short || spec.label);
      const attributes = { 'data-field': spec.name, 'data-row': index, 'aria-label': `${label} for ${pupil_name(row.record)}` };
      if (spec.name === 'class') Object.assign(attributes, { list: 'bulk-class-names', size: 8 });
      const control = control_for(spec, typed_value(spec, row.record), attributes);
      row.controls.set(spec.name, control);
      control.addEventListener(control.type === 'checkbox' ? 'change' : 'input', mark);
      control.addEventListener('keydown', (e) => {
        if ((e.ctrlKey || e.metaKey) && (e.key === 'd' || e.key === 'D')) { e.preventDefault(); fill(spec.name, index); }
      });
      return el('td', { class: spec.kind === 'yes_no' ? 'flag' : null }, control);
    }))));
  const table = el('table', { class: 'data bulk' }, el('caption', { text: `${data.pupils.length} pupils` }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Pupil' }), columns.map(header_of))), body);
  table.addEventListener('click', (e) => {
    const button = e.target.closest('button.fill-down');
    if (button) fill(button.dataset.column, 0);
  });
  const classes = el('datalist', { id: 'bulk-class-names' }, class_options(everyone).map(([name]) => el('option', { value: name })));
  const refusals = refusal_beside(problems, problems);
  save.addEventListener('click', async () => {
    refusals.forget();
    const changed = changed_rows();
    if (!changed.length) { refusals.show({ message: 'Nothing has changed yet: change a box, then save.' }, null); return; }
    const pupils = changed.map((row) => {
      const changes = {};
      for (const [name, control] of row.controls) {
        const value = value_of(control);
        if (value !== typed_value(record_fields.find((s) => s.name === name), row.record)) changes[name] = value;
      }
      return { upn: row.record.upn, changes };
    });
    save.disabled = true;
    try {
      const reply = await put(school_path(context, '/pupil-records'), { pupils });
      notice = `Saved: ${reply.changed} ${reply.changed === 1 ? 'pupil' : 'pupils'} changed.`;
      await pupils_bulk_screen(context, main, params);
    } catch (failure) {
      save.disabled = false;
      const where = /^pupils\[(\d+)\]\.changes\.(.+)$/.exec(failure.field || '');
      const row = where ? changed[Number(where[1])] : null;
      refusals.show(failure, row ? row.controls.get(where[2]) : null);
    }
  });
  main.append(classes, el('div', { class: 'toolbar sticky-save' }, el('div', { class: 'toolbar-row' }, save, save_state)), problems,
    el('div', { class: 'table-scroll' }, table));
  mark();
}

export async function leavers_screen(context, main, params) {
  clear(main).append(el('h1', { text: 'Leavers (archived pupils)' }));
  said_after(main);
  main.append(el('p', { text: 'Archived pupils are never deleted: their judgements, meetings and interventions stay. Return a pupil archived by mistake to roll.' }));
  const data = await get(school_path(context, '/pupil-records?archived=yes'));
  if (!data.pupils.length) { main.append(el('p', { text: 'No pupil has been archived.' })); return; }
  const problems = el('div');
  const refusals = refusal_beside(problems, problems);
  const sorted = [...data.pupils].sort((a, b) => (b.date_left || '').localeCompare(a.date_left || '') || a.surname.localeCompare(b.surname));
  const headings = ['Pupil', 'UPN', 'Class when they left', 'Date left', ...(context.can_administer ? ['Undo'] : [])];
  main.append(problems, table_of(null, headings, sorted.map((p) => [
    el('a', { href: `#/pupil?upn=${encodeURIComponent(p.upn)}` }, `${p.surname}, ${p.forename}`), p.upn, p.class || '', british_date(p.date_left),
    ...(context.can_administer ? [el('button', { type: 'button', onclick: async () => {
      try {
        await post(school_path(context, `/pupil-records/${encodeURIComponent(p.upn)}/return`), {});
      } catch (failure) { refusals.show(failure, null); return; }
      notice = `${pupil_name(p)} is back on roll.`;
      await leavers_screen(context, main, params);
    } }, `Return ${pupil_name(p)} to roll`)] : [])])));
}
