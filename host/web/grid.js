// The assessment grid (seed 000 "Assessment Grid"): one row per pupil, one column per subject, band
// colours with the code and a shape (never colour alone), statistics under the grid that follow
// every keystroke, and keyboard-first entry: arrows and Enter move, typing the first letters of a
// grade picks it and moves down, Ctrl+D fills the column's empty cells, a column pasted from a
// spreadsheet is checked cell by cell. Nothing is saved while any cell is in error; saving is
// explicit (Save) and automatic (a few seconds after the last change), and a save that finds
// another teacher's newer record is told which cells and asked whose to keep.
import { get, post, put, query, file_url } from './api.js';
import { el, clear, field, select, hidden_text, text_colour_on, pupil_name, year_name, time_of, class_options } from './dom.js';

const term_number = { Autumn: 1, Spring: 2, Summer: 3 };
const band_mark = { below: '▼', at: '●', above: '▲' };
const band_words = { below: 'below expectation', at: 'at expectation', above: 'above expectation' };
const autosave_delay_ms = 3000;
const heading = (code) => code.charAt(0).toUpperCase() + code.slice(1).replace(/_/g, ' ');

const characteristics = [
  ['', 'All pupils'],
  ['pp=yes', 'Pupil premium'], ['pp=no', 'Not pupil premium'],
  ['sen=K', 'SEN support (K)'], ['sen=E', 'EHC plan (E)'], ['sen=N', 'No SEN'],
  ['eal=yes', 'EAL'], ['gender=F', 'Girls'], ['gender=M', 'Boys'],
  ['summer-born=yes', 'Summer-born'], ['disadvantaged=yes', 'Disadvantaged'],
];

const sections = [
  ['pupil', 'Pupil details'], ['characteristics', 'Pupil characteristics'], ['custom', 'Custom fields'],
  ['statutory', 'Statutory data'], ['judgements', 'Judgements'], ['test', 'Test scores'],
  ['formative', 'Formative'], ['phonics', 'Phonics'],
];
// Seed 000: the characteristics (and the custom fields with them) start switched off.
const hidden_at_first = new Set(['characteristics', 'custom']);

function shown_sections() {
  const shown = Object.fromEntries(sections.map(([key]) => [key, !hidden_at_first.has(key)]));
  try {
    const saved = JSON.parse(localStorage.getItem('waymark.grid.sections'));
    if (saved && typeof saved === 'object') Object.assign(shown, saved);
  } catch (e) { /* a damaged setting falls back to the first view */ }
  return shown;
}

const yes_no = (value) => (value ? 'Yes' : 'No');

// The read-only columns of the sections beside the assessment (seed 000's "visibility report data"):
// characteristics, each named custom flag, and the statutory results any pupil shown has.
function detail_columns(grid) {
  const pupils = grid.pupils;
  const columns = [];
  const characteristic = (title, value) => columns.push({ section: 'characteristics', title, text: (p) => (p.characteristics ? value(p.characteristics) : '') });
  characteristic('Gender', (c) => c.gender);
  characteristic('SEN', (c) => c.sen);
  characteristic('EAL', (c) => yes_no(c.eal));
  characteristic('FSM', (c) => yes_no(c.fsm));
  characteristic('Ever 6 FSM', (c) => yes_no(c.ever6_fsm));
  characteristic('Pupil premium', (c) => yes_no(c.pupil_premium));
  characteristic('Disadvantaged', (c) => yes_no(c.disadvantaged));
  characteristic('Summer born', (c) => yes_no(c.summer_born));
  characteristic('Ethnicity', (c) => c.ethnicity);
  (grid.custom_flag_names || []).forEach((name, i) => {
    if (name) columns.push({ section: 'custom', title: name, text: (p) => yes_no((p.custom_flags || [])[i]) });
  });
  const held = pupils.map((p) => p.statutory).filter(Boolean);
  if (held.some((s) => s.gld !== null)) {
    columns.push({ section: 'statutory', title: 'GLD', text: (p) => (p.statutory && p.statutory.gld !== null ? yes_no(p.statutory.gld) : '') });
  }
  const phonics_years = [...new Set(held.flatMap((s) => s.phonics.map((check) => check.year)))].sort();
  for (const year of phonics_years) {
    columns.push({ section: 'statutory', title: `Phonics check ${year_name(year)}`, text: (p) => {
      const check = p.statutory && p.statutory.phonics.find((c) => c.year === year);
      if (!check) return '';
      return check.mark === null ? check.outcome || '' : `${check.mark}${check.outcome ? ` (${check.outcome})` : ''}`;
    } });
  }
  const key_stage_1 = [...new Set(held.flatMap((s) => Object.keys(s.ks1)))].sort();
  for (const subject of key_stage_1) {
    columns.push({ section: 'statutory', title: `KS1 ${heading(subject)}`, text: (p) => {
      const result = p.statutory && p.statutory.ks1[subject];
      if (!result) return '';
      return [result.ta, result.scaled_score === null ? null : `(${result.scaled_score})`].filter(Boolean).join(' ');
    } });
  }
  return columns;
}

export class grid_screen {
  constructor(context) {
    this.context = context;  // {school, session, navigate, announce, can_write}
    this.pending = new Map();  // cell key -> {upn, subject, kind, value, seen, error}
    this.autosave = null;
    this.saving = null;
    this.conflicts = [];
    this.typed = '';
  }

  school_path(rest) { return `/schools/${this.context.school.school}${rest}`; }

  async show(main, params) {
    // Closing the tab or reloading with unsaved changes: save them, and let the browser ask first.
    this.unload_guard = (e) => {
      if (!this.pending.size) return;
      this.save();
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', this.unload_guard);
    this.main = main;
    this.params = params;
    // A teacher writes only their own classes' cells (the server refuses the rest); a grid of
    // another class opens for reading, and says so, rather than letting them type in vain.
    const session = this.context.session;
    const others_class = session.role === 'teacher' && params.class && !(session.classes || []).includes(params.class);
    this.writable = this.context.can_write && !others_class;
    this.read_only_note = !this.context.can_write ? 'You can read this grid; your account does not record judgements.'
      : others_class ? `You teach ${(session.classes || []).join(' and ') || 'no class yet'}; ${params.class}'s grid is for reading only.` : null;
    clear(main);
    main.append(el('h1', { text: 'Assessment grid' }));
    const assessments = await get(this.school_path('/assessments'));
    if (!assessments.length) {
      main.append(el('p', { text: 'There are no assessments yet. A leader adds one under Maintenance; then its grid opens here.' }));
      return;
    }
    assessments.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id));
    this.assessments = assessments;
    const chosen = assessments.find((a) => String(a.id) === params.assessment) || assessments[0];
    this.assessment = chosen;
    const everyone = await get(this.school_path(`/pupils${query({ 'academic-year': chosen.academic_year })}`)).catch(() => get(this.school_path('/pupils')));
    this.classes = class_options(everyone.pupils.filter((p) => chosen.year_groups.includes(p.nc_year)));
    this.in_data = new Map(everyone.pupils.map((p) => [p.upn, p.include_in_data]));
    // The school's own yes/no characteristics, under the names given on the Maintenance screen.
    this.custom_flags = await get(this.school_path('/custom-flags')).then((f) => f.names).catch(() => []);
    this.build_filters(main);
    this.status_line = el('p', { class: 'save-state', role: 'status', 'aria-live': 'polite' });
    this.banner = el('div', { class: 'banner', hidden: true });
    this.problems = el('div', { class: 'grid-problems', role: 'alert' });
    this.conflict_box = el('section', { class: 'conflicts', hidden: true, 'aria-labelledby': 'conflict-title' });
    this.table_holder = el('div', { class: 'grid-holder' });
    const legend = el('p', { class: 'legend-line' }, el('span', { text: '▼ below expectation' }), el('span', { text: '● at expectation' }),
      el('span', { text: '▲ above expectation' }), el('span', { text: '· no judgement yet' }), el('span', { text: '* not saved yet' }), el('span', { text: '⚠ not a grade: correct it' }), el('span', { text: '✎ has had a progress meeting' }));
    if (this.read_only_note) main.append(el('p', { class: 'notice', text: this.read_only_note }));
    main.append(this.build_toolbar(), this.build_help(), this.banner, this.problems, this.conflict_box, legend, this.table_holder);
    await this.load();
  }

  build_filters(main) {
    const a = this.assessment;
    this.assessment_choice = select(this.assessments.map((x) => [x.id, `${x.name} (${x.term} ${x.academic_year})`]), a.id);
    this.year_choice = select([['', 'Every year group'], ...a.year_groups.map((y) => [y === 0 ? 'R' : y, year_name(y)])], this.params.year || '');
    this.class_choice = select([['', 'Every class'], ...this.classes], this.params.class || '');
    const custom = this.custom_flags.flatMap((name, i) => (name ? [[`custom${i + 1}=yes`, name], [`custom${i + 1}=no`, `Not ${name}`]] : []));
    this.characteristic_choice = select([...characteristics, ...custom], this.params.only || '');
    const form = el('form', { class: 'filters', 'aria-label': 'Which pupils', onsubmit: (e) => e.preventDefault() },
      field('Assessment', this.assessment_choice),
      field('Year group', this.year_choice),
      field('Class', this.class_choice),
      field('Characteristic', this.characteristic_choice));
    const refilter = async () => {
      await this.flush();
      this.context.navigate('grid', {
        assessment: this.assessment_choice.value, year: this.year_choice.value,
        class: this.class_choice.value, only: this.characteristic_choice.value,
      });
    };
    for (const control of [this.assessment_choice, this.year_choice, this.class_choice, this.characteristic_choice]) {
      control.addEventListener('change', refilter);
    }
    this.toggles = el('fieldset', { class: 'sections' });
    main.append(form, this.toggles);
  }

  // One switch per section this grid has a column in.
  fill_toggles() {
    const shown = shown_sections();
    const present = new Set(['pupil', ...this.columns.map((c) => c.section), ...this.detail_columns.map((c) => c.section)]);
    clear(this.toggles).append(el('legend', { text: 'Columns shown' }),
      ...sections.filter(([key]) => present.has(key)).map(([key, label]) => {
        const box = el('input', { type: 'checkbox', id: `section-${key}`, checked: shown[key] !== false });
        box.addEventListener('change', () => {
          const now = shown_sections();
          now[key] = box.checked;
          localStorage.setItem('waymark.grid.sections', JSON.stringify(now));
          this.render();
        });
        return el('span', { class: 'toggle' }, box, el('label', { for: box.id, text: label }));
      }));
  }

  build_toolbar() {
    this.save_button = el('button', { type: 'button', class: 'primary', onclick: () => this.save() }, 'Save');
    this.discard_button = el('button', { type: 'button', onclick: () => this.discard() }, 'Discard unsaved changes');
    this.cell_grade = el('select', { id: 'cell-grade', disabled: true });
    this.cell_grade.addEventListener('change', () => {
      if (this.cell_grade.value === '') return;
      const at = this.active;
      this.set_value(at.row, at.column, this.cell_grade.value === '-' ? '' : this.cell_grade.value);
      this.focus_cell(at.row, at.column);
    });
    this.cell_label = el('span', { class: 'cell-name', id: 'cell-name', text: 'No cell chosen' });
    this.cell_colour = el('input', { type: 'color', id: 'cell-colour', disabled: true });
    this.cell_colour.addEventListener('change', () => this.set_colour(this.cell_colour.value.toUpperCase()));
    this.scheme_colour = el('button', { type: 'button', disabled: true, onclick: () => this.set_colour(null) }, 'Scheme colour');
    this.fill_button = el('button', { type: 'button', onclick: () => this.open_fill() }, 'Fill column…');
    this.paste_button = el('button', { type: 'button', onclick: () => this.open_paste() }, 'Paste a column…');
    this.download_button = el('button', { type: 'button', onclick: () => this.download_csv() }, 'Download these rows (CSV)');
    // Seed 000's two downloads: the pupils these filters show ("Screen data") or every pupil of the assessment ("All data").
    const spreadsheet = (filters) => file_url(this.school_path(`/assessments/${this.assessment.id}/grid/spreadsheet${query(filters)}`));
    this.screen_data_link = el('a', { class: 'button', download: '', id: 'screen-data', href: spreadsheet(this.filter_query()) }, 'Download screen data (XLSX)');
    this.all_data_link = el('a', { class: 'button', download: '', id: 'all-data', href: spreadsheet({}) }, 'Download all data (XLSX)');
    this.full_report_link = el('a', { class: 'button', download: '', href: file_url(this.school_path(`/reports/full${query({ assessment: this.assessment.id, format: 'xlsx' })}`)) }, 'Full report of this assessment (XLSX)');
    this.fill_area = el('div', { class: 'fill-area' });
    return el('div', { class: 'toolbar' },
      el('div', { class: 'toolbar-row' }, this.save_button, this.discard_button, this.status_line),
      el('div', { class: 'toolbar-row' },
        el('label', { for: 'cell-grade', text: 'Grade for the chosen cell' }), this.cell_grade, this.cell_label),
      el('div', { class: 'toolbar-row' },
        el('label', { for: 'cell-colour', text: 'Colour of the chosen cell' }), this.cell_colour, this.scheme_colour),
      el('div', { class: 'toolbar-row' }, this.fill_button, this.paste_button),
      el('div', { class: 'toolbar-row' }, this.screen_data_link, this.all_data_link, this.download_button, this.full_report_link),
      this.fill_area);
  }

  build_help() {
    return el('details', { class: 'keys' }, el('summary', { text: 'Keyboard' }),
      el('ul', {},
        el('li', { text: 'Arrow keys move between cells (Ctrl+Up and Ctrl+Down to the top and bottom of a column); Enter moves down (Shift+Enter up).' }),
        el('li', { text: 'Type the first letters of a grade (O for On track); the cell takes it and moves down. At the bottom of a column you go on at the top of the next.' }),
        el('li', { text: 'Delete clears a cell. Escape forgets what you were typing.' }),
        el('li', { text: 'Ctrl+D fills every empty cell of the column with the chosen cell\u2019s grade.' }),
        el('li', { text: 'Paste (Ctrl+V) a column copied from a spreadsheet: it fills down from the chosen cell and is checked before anything is saved.' }),
        el('li', { text: 'Changes save by themselves a few seconds after you stop, or at once with Save (Ctrl+S).' })));
  }

  filter_query() {
    const filters = {};
    if (this.params.year) filters.year = this.params.year;
    if (this.params.class) filters.class = this.params.class;
    if (this.params.only) {
      const [name, value] = this.params.only.split('=');
      filters[name] = value;
    }
    return filters;
  }

  async load() {
    const grid = await get(this.school_path(`/assessments/${this.assessment.id}/grid${query(this.filter_query())}`));
    this.grid = grid;
    this.rows = grid.pupils;
    this.term = term_number[grid.assessment.term] || 1;
    this.columns = [];
    for (const subject of grid.assessment.subjects) {
      this.columns.push({ section: 'judgements', kind: 'judgement', subject: subject.code, scheme: subject.scheme, title: heading(subject.code) });
    }
    for (const subject of grid.assessment.subjects.filter((s) => s.test_score)) {
      this.columns.push({ section: 'test', kind: 'test', subject: subject.code, title: `${heading(subject.code)} ${subject.test_score.replace('_', ' ')}` });
    }
    if (grid.assessment.formative_title) {
      for (const subject of grid.assessment.subjects) {
        this.columns.push({ section: 'formative', kind: 'formative', subject: subject.code, title: `${heading(subject.code)} (${grid.assessment.formative_title})` });
      }
    }
    if (grid.assessment.phonics) this.columns.push({ section: 'phonics', kind: 'phonics', subject: 'phonics', title: 'Phonics' });
    this.detail_columns = detail_columns(grid);
    this.fill_toggles();
    await this.load_grades();
    this.active = { row: 0, column: 0 };
    this.render();
  }

  // Seed 000's icon beside a pupil who has had a progress meeting.
  meeting_icon(pupil) {
    const count = pupil.progress_meetings;
    if (!count) return null;
    const upn = pupil.upn;
    const what = `${count} progress ${count === 1 ? 'meeting' : 'meetings'}`;
    return el('a', { class: 'meeting', href: `#/pupil?upn=${encodeURIComponent(upn)}`, tabindex: '-1', title: what },
      el('span', { 'aria-hidden': 'true', text: ' ✎' }), hidden_text(`has ${what}`));
  }

  // Each judgement column's grades in each pupil year's context (labels, bands and colours differ by year).
  async load_grades() {
    this.grades = new Map();
    const wanted = new Map();
    for (const column of this.columns.filter((c) => c.kind === 'judgement')) {
      for (const year of new Set(this.rows.map((r) => r.year))) {
        const key = `${column.scheme}|${year}|${column.subject}`;
        wanted.set(key, `/schemes/${encodeURIComponent(column.scheme)}/grades${query({ year, term: this.term, subject: column.subject })}`);
      }
    }
    await Promise.all([...wanted].map(async ([key, path]) => {
      try { this.grades.set(key, (await get(path)).grades); } catch (e) { this.grades.set(key, []); }
    }));
  }

  grades_for(row, column) {
    if (column.kind !== 'judgement') return null;
    return this.grades.get(`${column.scheme}|${this.rows[row].year}|${column.subject}`) || [];
  }

  visible_columns() {
    const shown = shown_sections();
    return this.columns.filter((c) => shown[c.section] !== false);
  }

  key_of(row, column) { return `${this.rows[row].upn}|${column.subject}|${column.kind}`; }

  saved_cell(row, column) {
    const pupil = this.rows[row];
    if (column.kind === 'judgement') return pupil.judgements[column.subject] || null;
    if (column.kind === 'test') return pupil.test_scores[column.subject] ? { code: pupil.test_scores[column.subject] } : null;
    if (column.kind === 'formative') return pupil.formative[column.subject] ? { code: pupil.formative[column.subject] } : null;
    return pupil.phonics ? { code: pupil.phonics } : null;
  }

  // What a cell shows now: its unsaved change if any, else what the server holds.
  current(row, column) {
    const change = this.pending.get(this.key_of(row, column));
    if (change) {
      if (change.error) return { code: change.value, error: change.error, pending: true };
      if (change.value === '') return { code: '', pending: true };
      const grade = (this.grades_for(row, column) || []).find((g) => g.code === change.value);
      return grade ? { ...grade, pending: true } : { code: change.value, pending: true };
    }
    return this.saved_cell(row, column);
  }

  // The id of the record the page shows for a cell (the grid's record_ids), 0 for an empty cell: what
  // a save names as `seen`, so the server can tell when someone else has recorded the cell since.
  record_id(row, column) {
    const ids = this.rows[row].record_ids || {};
    return (ids[column.kind] || {})[column.subject] || 0;
  }

  // A typed or pasted value read as one of the column's grades: its code, or its label, any case.
  match_grade(row, column, text) {
    const wanted = text.trim().toLowerCase();
    return (this.grades_for(row, column) || []).find((g) => g.code.toLowerCase() === wanted || g.label.toLowerCase() === wanted) || null;
  }

  candidates(row, column, typed) {
    const start = typed.toLowerCase();
    return (this.grades_for(row, column) || []).filter((g) => g.code.toLowerCase().startsWith(start) || g.label.toLowerCase().startsWith(start));
  }

  render() {
    const holder = clear(this.table_holder);
    const columns = this.visible_columns();
    this.shown_columns = columns;
    const shown = shown_sections();
    const excluded = this.rows.filter((p) => this.in_data.get(p.upn) === false);
    this.banner.hidden = excluded.length === 0;
    clear(this.banner).append(el('strong', { text: 'Include in data is off ' }),
      `for ${excluded.length} ${excluded.length === 1 ? 'pupil' : 'pupils'} in this grid (${excluded.map(pupil_name).join(', ')}). `,
      'They are marked "not in data" and left out of the statistics under the grid and of every report.');
    if (!this.rows.length) {
      holder.append(el('p', { text: 'No pupil matches these filters. Choose another class or characteristic.' }));
      this.update_toolbar();
      return;
    }
    const table = el('table', { class: 'grid', role: 'grid', 'aria-label': `${this.assessment.name}: judgements`, 'aria-rowcount': this.rows.length + 1 });
    const head = el('tr', {}, el('th', { scope: 'col', text: 'Pupil' }));
    if (shown.pupil !== false) head.append(el('th', { scope: 'col', text: 'Class' }), el('th', { scope: 'col', text: 'Year' }), el('th', { scope: 'col', text: 'In data' }));
    const details = this.detail_columns.filter((c) => shown[c.section] !== false);
    details.forEach((column) => head.append(el('th', { scope: 'col', class: `col-${column.section}`, text: column.title })));
    this.leading_columns = 1 + (shown.pupil !== false ? 3 : 0) + details.length;
    columns.forEach((column) => head.append(el('th', { scope: 'col', class: `col-${column.kind}`, text: column.title })));
    table.append(el('thead', {}, head));
    const body = el('tbody', {});
    this.cells = [];
    const names = new Map();
    for (const p of this.rows) names.set(pupil_name(p), (names.get(pupil_name(p)) || 0) + 1);
    this.rows.forEach((pupil, row) => {
      const included = this.in_data.get(pupil.upn) !== false;
      // Two pupils of the same name are told apart by the end of their UPN.
      const twin = names.get(pupil_name(pupil)) > 1 ? el('span', { class: 'twin', text: ` …${pupil.upn.slice(-4)}` }) : null;
      const name = el('th', { scope: 'row', class: included ? 'pupil' : 'pupil excluded', dataset: { upn: pupil.upn } },
        el('a', { href: `#/pupil?upn=${encodeURIComponent(pupil.upn)}`, tabindex: '-1', text: `${pupil.surname}, ${pupil.forename}` }), twin, this.meeting_icon(pupil),
        included ? null : el('span', { class: 'not-in-data', text: ' not in data' }));
      const tr = el('tr', {}, name);
      if (shown.pupil !== false) {
        const box = el('input', { type: 'checkbox', checked: included, 'aria-label': `Include ${pupil_name(pupil)} in data`, disabled: !this.context.can_administer });
        box.addEventListener('change', () => this.set_inclusion(pupil, box));
        tr.append(el('td', { text: pupil.class || '' }), el('td', { text: year_name(pupil.year) }), el('td', { class: 'in-data' }, box));
      }
      details.forEach((column) => tr.append(el('td', { class: `detail col-${column.section}`, text: column.text(pupil) })));
      const row_cells = [];
      columns.forEach((column, index) => {
        const td = el('td', { role: 'gridcell', tabindex: '-1', dataset: { row, column: index } });
        td.addEventListener('click', () => this.focus_cell(row, index));
        this.paint(td, row, column);
        row_cells.push(td);
        tr.append(td);
      });
      this.cells.push(row_cells);
      body.append(tr);
    });
    table.append(body, this.statistics_rows(columns));
    table.addEventListener('keydown', (e) => this.on_key(e));
    table.addEventListener('paste', (e) => this.on_paste(e));
    holder.append(table);
    this.table = table;
    const at = this.active;
    if (this.cells[at.row] && this.cells[at.row][at.column]) {
      this.cells[at.row][at.column].tabIndex = 0;
      this.describe_active();
    }
    this.update_toolbar();
  }

  paint(td, row, column) {
    const cell = this.current(row, column);
    clear(td);
    td.className = `cell col-${column.kind}`;
    if (this.active && this.active.row === row && this.shown_columns[this.active.column] === column) td.classList.add('active');
    td.style.backgroundColor = '';
    td.style.color = '';
    const pupil = this.rows[row];
    let spoken = `${pupil_name(pupil)}, ${column.title}: `;
    if (cell && cell.error) {
      td.classList.add('invalid');
      td.append(el('span', { class: 'warn', 'aria-hidden': 'true', text: '⚠ ' }), el('span', { class: 'code', text: cell.code }));
      td.title = cell.error;
      spoken += `${cell.code}, not accepted: ${cell.error}`;
    } else if (cell && cell.code) {
      const colour = cell.colour;
      if (colour) {
        td.style.backgroundColor = colour;
        td.style.color = text_colour_on(colour);
      }
      const mark = band_mark[cell.band] || '';
      td.append(el('span', { class: 'code', text: cell.code }), mark ? el('span', { class: 'mark', 'aria-hidden': 'true', text: ` ${mark}` }) : null);
      td.title = cell.label ? `${cell.label}${cell.band ? `, ${band_words[cell.band]}` : ''}` : cell.code;
      spoken += `${cell.label || cell.code}${cell.band ? `, ${band_words[cell.band]}` : ''}`;
    } else {
      td.append(el('span', { class: 'empty', 'aria-hidden': 'true', text: '·' }));
      td.title = 'No judgement yet';
      spoken += 'no judgement';
    }
    if (cell && cell.pending) {
      td.classList.add('pending');
      td.append(el('span', { class: 'unsaved', 'aria-hidden': 'true', text: '*' }));
      spoken += ', not saved yet';
    }
    td.append(hidden_text(spoken));
  }

  repaint(row, column_index) {
    const td = this.cells[row] && this.cells[row][column_index];
    if (td) this.paint(td, row, this.shown_columns[column_index]);
  }

  // Per grade, on track or above and no judgement, for each judgement column, over the included
  // pupils shown, with every unsaved change counted as it is typed.
  statistics_rows(columns) {
    const foot = el('tfoot', {});
    this.foot = foot;
    this.fill_statistics(columns);
    return foot;
  }

  fill_statistics(columns = this.shown_columns) {
    const foot = clear(this.foot);
    const leading = this.leading_columns;
    const judged = columns.map((c) => c.kind === 'judgement');
    const counted = this.rows.map((p, row) => ({ row, included: this.in_data.get(p.upn) !== false })).filter((r) => r.included);
    const codes = [];
    const labels = new Map();
    columns.forEach((column) => {
      if (column.kind !== 'judgement' || !this.rows.length) return;
      for (const g of this.grades_for(0, column)) {
        if (!codes.includes(g.code)) codes.push(g.code);
        if (!labels.has(g.code)) labels.set(g.code, g.label);
      }
    });
    const row_of = (label, value_of, statistic) => {
      const tr = el('tr', { class: 'statistics', dataset: { statistic } }, el('th', { scope: 'row', colspan: leading, text: label }));
      columns.forEach((column, index) => tr.append(el('td', { dataset: { column: index }, text: judged[index] ? value_of(column, index) : '' })));
      return tr;
    };
    const tally = (column) => {
      const t = { by_code: new Map(), on_track: 0, none: 0, total: counted.length };
      for (const { row } of counted) {
        const cell = this.current(row, column);
        if (!cell || !cell.code || cell.error) { t.none += 1; continue; }
        t.by_code.set(cell.code, (t.by_code.get(cell.code) || 0) + 1);
        if (cell.on_track) t.on_track += 1;
      }
      return t;
    };
    const tallies = columns.map((c) => (c.kind === 'judgement' ? tally(c) : null));
    const percent = (n, of) => (of ? `${Math.round((100 * n) / of)}%` : '–');
    for (const code of codes) {
      foot.append(row_of(`${code}: ${labels.get(code)}`, (c, i) => String(tallies[i].by_code.get(code) || 0), `grade-${code}`));
    }
    foot.append(row_of('On track or above', (c, i) => `${tallies[i].on_track} (${percent(tallies[i].on_track, tallies[i].total)})`, 'on-track'));
    foot.append(row_of('No judgement', (c, i) => String(tallies[i].none), 'none'));
    foot.append(row_of(`Pupils counted (of ${this.rows.length})`, (c, i) => String(tallies[i].total), 'counted'));
  }

  focus_cell(row, column) {
    if (!this.cells.length) return;
    row = Math.max(0, Math.min(this.rows.length - 1, row));
    column = Math.max(0, Math.min(this.shown_columns.length - 1, column));
    const before = this.cells[this.active.row] && this.cells[this.active.row][this.active.column];
    if (before) { before.tabIndex = -1; before.classList.remove('active'); }
    this.active = { row, column };
    const td = this.cells[row][column];
    td.tabIndex = 0;
    td.classList.add('active');
    td.focus();
    this.typed = '';
    this.describe_active();
  }

  describe_active() {
    const { row, column } = this.active;
    const col = this.shown_columns[column];
    if (!col || !this.rows[row]) return;
    clear(this.cell_grade);
    const grades = this.grades_for(row, col);
    this.cell_grade.disabled = !grades || !this.writable;
    if (grades) {
      this.cell_grade.append(el('option', { value: '', text: 'Choose…' }), el('option', { value: '-', text: 'No judgement (clear)' }));
      for (const g of grades) this.cell_grade.append(el('option', { value: g.code, text: `${g.code}: ${g.label}` }));
      const cell = this.current(row, col);
      if (cell && cell.code && !cell.error) this.cell_grade.value = cell.code;
    }
    this.cell_label.textContent = `${pupil_name(this.rows[row])}, ${col.title}`;
    const saved = col.kind === 'judgement' ? this.saved_cell(row, col) : null;
    this.cell_colour.disabled = !saved || !this.writable;
    this.scheme_colour.disabled = !saved || !saved.colour_overridden || !this.writable;
    if (saved && saved.colour) this.cell_colour.value = saved.colour.toLowerCase();
  }

  // A saved judgement's colour overridden for this cell (seed 000), or returned to the scheme's.
  async set_colour(colour) {
    const { row, column } = this.active;
    const col = this.shown_columns[column];
    const pupil = this.rows[row];
    try {
      await put(this.school_path(`/assessments/${this.assessment.id}/judgements/${encodeURIComponent(pupil.upn)}/${encodeURIComponent(col.subject)}/colour`), { colour });
      const cell = pupil.judgements[col.subject];
      const grade = (this.grades_for(row, col) || []).find((g) => g.code === cell.code);
      cell.colour = colour || (grade ? grade.colour : cell.colour);
      cell.colour_overridden = colour !== null;
      this.repaint(row, column);
      this.describe_active();
      this.context.announce(colour ? `The cell is now coloured ${colour}; its grade and band are unchanged.` : 'The cell has its scheme\'s colour again.');
    } catch (e) {
      this.show_problems([e.message]);
    }
  }

  move_down(row, column) {
    if (row + 1 < this.rows.length) return this.focus_cell(row + 1, column);
    // Down a column and on at the top of the next, so a whole class is entered without leaving the keys.
    if (column + 1 < this.shown_columns.length) return this.focus_cell(0, column + 1);
    return this.focus_cell(row, column);
  }

  on_key(e) {
    const td = e.target.closest('td[role=gridcell]');
    if (!td) return;
    const row = Number(td.dataset.row);
    const column = Number(td.dataset.column);
    const col = this.shown_columns[column];
    const key = e.key;
    const handled = () => e.preventDefault();
    if (key === 'ArrowDown') { handled(); return this.focus_cell(e.ctrlKey ? this.rows.length - 1 : row + 1, column); }
    if (key === 'ArrowUp') { handled(); return this.focus_cell(e.ctrlKey ? 0 : row - 1, column); }
    if (key === 'ArrowLeft') { handled(); return this.focus_cell(row, column - 1); }
    if (key === 'ArrowRight') { handled(); return this.focus_cell(row, column + 1); }
    if (key === 'Home') { handled(); return this.focus_cell(e.ctrlKey ? 0 : row, 0); }
    if (key === 'End') { handled(); return this.focus_cell(e.ctrlKey ? this.rows.length - 1 : row, this.shown_columns.length - 1); }
    if (key === 'Escape') { handled(); this.typed = ''; this.describe_active(); return undefined; }
    if (!this.writable) return undefined;
    if ((e.ctrlKey || e.metaKey) && (key === 'd' || key === 'D')) { handled(); return this.fill_empty(column, row); }
    if ((e.ctrlKey || e.metaKey) && (key === 's' || key === 'S')) { handled(); return this.save(); }
    if (key === 'Enter') {
      handled();
      if (this.typed) this.commit_typed(row, column);
      return e.shiftKey ? this.focus_cell(row - 1, column) : this.move_down(row, column);
    }
    if (key === 'Delete' || key === 'Backspace') {
      handled();
      if (this.typed) { this.typed = this.typed.slice(0, -1); this.show_typed(row, column); return undefined; }
      return this.set_value(row, column, '');
    }
    if (key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      handled();
      this.typed += key;
      if (col.kind !== 'judgement') return this.show_typed(row, column);
      const matches = this.candidates(row, col, this.typed);
      const exact = matches.filter((g) => g.code.toLowerCase() === this.typed.toLowerCase());
      if (matches.length === 1) {
        this.set_value(row, column, matches[0].code);
        return this.move_down(row, column);
      }
      if (!matches.length) {
        this.context.announce(`No grade of this column starts with "${this.typed}". Grades: ${this.grades_for(row, col).map((g) => g.code).join(', ')}.`);
        this.typed = '';
        return undefined;
      }
      this.show_typed(row, column, exact.length ? `Enter takes ${exact[0].code}` : null);
    }
    return undefined;
  }

  show_typed(row, column, note) {
    const col = this.shown_columns[column];
    const matches = col.kind === 'judgement' ? this.candidates(row, col, this.typed).map((g) => g.code) : [];
    this.cell_label.textContent = `Typing "${this.typed}"${matches.length ? `: ${matches.join(', ')}` : ''}${note ? ` (${note})` : ''}`;
  }

  commit_typed(row, column) {
    const col = this.shown_columns[column];
    const text = this.typed;
    this.typed = '';
    if (col.kind !== 'judgement') return this.set_value(row, column, text);
    const grade = this.match_grade(row, col, text) || (this.candidates(row, col, text)[0] || null);
    return this.set_value(row, column, grade ? grade.code : text);
  }

  // Records a change in the page (not yet on the server) and schedules the automatic save.
  set_value(row, column_index, value, error) {
    const column = this.shown_columns[column_index];
    const key = this.key_of(row, column);
    const saved = this.saved_cell(row, column);
    const saved_code = saved && saved.code ? saved.code : '';
    if (!error && value === saved_code) {
      this.pending.delete(key);
    } else {
      let problem = error || null;
      if (!problem && value !== '' && column.kind === 'judgement' && !this.match_grade(row, column, value)) {
        problem = `"${value}" is not a grade here; enter one of ${this.grades_for(row, column).map((g) => g.code).join(', ')}.`;
      }
      this.pending.set(key, {
        upn: this.rows[row].upn, subject: column.subject, kind: column.kind, value,
        seen: this.record_id(row, column), error: problem, row, column,
      });
    }
    this.repaint(row, column_index);
    this.fill_statistics();
    this.update_toolbar();
    this.schedule_save();
  }

  fill_empty(column_index, from_row, value) {
    const column = this.shown_columns[column_index];
    const source = value !== undefined ? value : (this.current(from_row, column) || {}).code;
    if (!source) {
      this.context.announce('Choose a grade for this cell first; Ctrl+D copies it into the empty cells of the column.');
      return;
    }
    let filled = 0;
    this.rows.forEach((pupil, row) => {
      const cell = this.current(row, column);
      if (cell && cell.code) return;
      this.set_value(row, column_index, source);
      filled += 1;
    });
    this.context.announce(`Filled ${filled} empty ${filled === 1 ? 'cell' : 'cells'} of ${column.title} with ${source}; not saved yet.`);
  }

  open_fill() {
    const area = clear(this.fill_area);
    const judgement_columns = this.shown_columns.map((c, i) => [c, i]).filter(([c]) => c.kind === 'judgement');
    if (!judgement_columns.length || !this.rows.length) return;
    const column_choice = select(judgement_columns.map(([c, i]) => [i, c.title]), this.active.column);
    const grade_choice = select(this.grades_for(0, judgement_columns[0][0]).map((g) => [g.code, `${g.code}: ${g.label}`]));
    column_choice.addEventListener('change', () => {
      clear(grade_choice);
      for (const g of this.grades_for(0, this.shown_columns[Number(column_choice.value)])) grade_choice.append(el('option', { value: g.code, text: `${g.code}: ${g.label}` }));
    });
    const overwrite = el('input', { type: 'checkbox', id: 'fill-overwrite' });
    const form = el('form', { class: 'fill-form', 'aria-label': 'Fill a column' },
      field('Column', column_choice), field('Grade', grade_choice),
      el('span', { class: 'toggle' }, overwrite, el('label', { for: 'fill-overwrite', text: 'Also replace cells that have a grade' })),
      el('button', { type: 'submit', class: 'primary' }, 'Fill'),
      el('button', { type: 'button', onclick: () => clear(area) }, 'Cancel'));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const index = Number(column_choice.value);
      if (overwrite.checked) {
        this.rows.forEach((p, row) => this.set_value(row, index, grade_choice.value));
        this.context.announce(`Filled all ${this.rows.length} cells of ${this.shown_columns[index].title} with ${grade_choice.value}; not saved yet.`);
      } else {
        this.fill_empty(index, 0, grade_choice.value);
      }
      clear(area);
      this.focus_cell(0, index);
    });
    area.append(form);
    column_choice.focus();
  }

  open_paste() {
    const area = clear(this.fill_area);
    const box = el('textarea', { rows: 6, cols: 20 });
    const form = el('form', { class: 'fill-form', 'aria-label': 'Paste a column' },
      field('Values, one a line (from a spreadsheet column)', box, `They fill down from the chosen cell (${this.cell_label.textContent}).`),
      el('button', { type: 'submit', class: 'primary' }, 'Put into the grid'),
      el('button', { type: 'button', onclick: () => clear(area) }, 'Cancel'));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.paste_text(box.value);
      clear(area);
    });
    area.append(form);
    box.focus();
  }

  on_paste(e) {
    if (!this.writable) return;
    const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    if (!text) return;
    e.preventDefault();
    this.paste_text(text);
  }

  // A block copied from a spreadsheet: lines fill down from the chosen cell, tab-separated values
  // fill the columns to its right. Each value is checked against the column's grades (and, when the
  // page does not know it, by the scheme itself, which accepts aliases); a value neither accepts is
  // marked in its cell with the scheme's sentence, and nothing saves until every one is put right.
  async paste_text(text) {
    const lines = text.replace(/\r/g, '').split('\n');
    while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
    const { row, column } = this.active;
    if (row + lines.length > this.rows.length) {
      this.show_problems([`The pasted column has ${lines.length} values but only ${this.rows.length - row} pupils are at or below the chosen cell; nothing was pasted. Choose a higher cell or paste fewer lines.`]);
      return;
    }
    const width = Math.max(...lines.map((l) => l.split('\t').length));
    if (column + width > this.shown_columns.length) {
      this.show_problems([`The pasted block is ${width} columns wide but only ${this.shown_columns.length - column} columns are at or right of the chosen cell; nothing was pasted.`]);
      return;
    }
    const checks = [];
    lines.forEach((line, i) => line.split('\t').forEach((raw, j) => {
      const value = raw.trim();
      if (value === '') return;
      checks.push(this.check_value(row + i, column + j, value));
    }));
    const results = await Promise.all(checks);
    for (const r of results) this.set_value(r.row, r.column, r.value, r.error);
    const bad = results.filter((r) => r.error);
    this.context.announce(bad.length
      ? `Pasted ${results.length} values; ${bad.length} ${bad.length === 1 ? 'is' : 'are'} not accepted and marked ⚠. Nothing is saved until they are put right.`
      : `Pasted ${results.length} values; not saved yet.`);
    this.focus_cell(row, column);
  }

  async check_value(row, column_index, value) {
    const column = this.shown_columns[column_index];
    const result = { row, column: column_index, value, error: null };
    if (column.kind !== 'judgement') return result;
    const grade = this.match_grade(row, column, value);
    if (grade) return { ...result, value: grade.code };
    try {
      const parsed = await post(`/schemes/${encodeURIComponent(column.scheme)}/parse`, { input: value, year: this.rows[row].year, term: this.term, subject: column.subject });
      return { ...result, value: parsed.grade.code };
    } catch (e) {
      return { ...result, error: e.message };
    }
  }

  show_problems(messages) {
    clear(this.problems);
    if (messages.length) this.problems.append(el('ul', {}, messages.map((m) => el('li', { text: m }))));
  }

  invalid_changes() { return [...this.pending.values()].filter((c) => c.error); }

  update_toolbar() {
    const count = this.pending.size;
    const invalid = this.invalid_changes();
    this.save_button.textContent = count ? `Save ${count} ${count === 1 ? 'change' : 'changes'}` : 'Save';
    this.save_button.disabled = !count || invalid.length > 0 || this.conflicts.length > 0 || !this.writable;
    this.discard_button.disabled = !count;
    this.show_problems(invalid.map((c) => {
      const pupil = this.rows.find((p) => p.upn === c.upn);
      return `${pupil ? pupil_name(pupil) : c.upn}, ${c.subject}: ${c.error}`;
    }).concat(invalid.length ? ['Nothing is saved until every cell marked ⚠ is corrected (type over it, or Delete to leave it empty).'] : [])
      .concat(this.save_failure ? [this.save_failure] : []));
    if (!this.saving) {
      this.status_line.textContent = this.conflicts.length ? 'Nothing saved yet: someone else changed some of these cells; choose below whose grade to keep.'
        : invalid.length ? `${invalid.length} ${invalid.length === 1 ? 'cell needs' : 'cells need'} correcting; nothing saved.`
        : count ? `${count} unsaved ${count === 1 ? 'change' : 'changes'}; saving by itself shortly.`
          : this.last_saved ? `All changes saved (${this.last_saved}).` : 'No unsaved changes.';
    }
  }

  schedule_save() {
    clearTimeout(this.autosave);
    if (!this.pending.size || this.invalid_changes().length || this.conflicts.length) return;
    this.autosave = setTimeout(() => this.save(), autosave_delay_ms);
  }

  discard() {
    this.pending.clear();
    this.conflicts = [];
    this.conflict_box.hidden = true;
    this.render();
  }

  // Saves what is pending now and waits for it; a save already running finishes first.
  async flush() {
    clearTimeout(this.autosave);
    if (this.saving) await this.saving;
    if (this.pending.size && !this.invalid_changes().length && !this.conflicts.length) await this.save();
  }

  async save() {
    clearTimeout(this.autosave);
    if (this.saving) return this.saving;
    if (!this.pending.size || this.invalid_changes().length || this.conflicts.length) { this.update_toolbar(); return undefined; }
    const batch = [...this.pending.entries()];
    this.status_line.textContent = `Saving ${batch.length} ${batch.length === 1 ? 'change' : 'changes'}…`;
    this.saving = this.send(batch).finally(() => { this.saving = null; this.update_toolbar(); this.schedule_save(); });
    return this.saving;
  }

  // Every change, emptied cells too, goes in one batch save that names the records the page showed;
  // a conflict or a refusal saves none of them.
  async send(batch) {
    const path = this.school_path(`/assessments/${this.assessment.id}/judgements`);
    try {
      const changes = batch.map(([, c]) => ({ upn: c.upn, subject: c.subject, kind: c.kind, value: c.value, seen: c.seen }));
      const answer = await post(path, { changes });
      this.saved(batch, answer.records || []);
    } catch (e) {
      if (e.status === 409 && e.body.changed) {
        this.show_conflicts(batch, e.body.changed);
      } else if (e.status === 422 && e.field) {
        const at = /changes\[(\d+)\]/.exec(e.field);
        if (at && batch[Number(at[1])]) {
          const [, change] = batch[Number(at[1])];
          this.mark_refused(change, e.message);
        } else {
          this.show_problems([e.message]);
        }
        this.status_line.textContent = 'Nothing was saved.';
      } else if (e.status === 403 && e.code === 'forbidden') {
        // Cells this account may not change (another teacher's class): each keeps the server's
        // sentence, and no automatic save tries them again.
        for (const [, change] of batch) this.mark_refused(change, e.message);
        this.status_line.textContent = 'Nothing was saved.';
      } else {
        this.save_failure = `Saving failed: ${e.message}`;
        this.status_line.textContent = 'Nothing was saved.';
        if (e.status !== 401) throw e;
      }
    }
  }

  // A change the server refused stays in its cell, marked with the server's sentence.
  mark_refused(change, message) {
    const key = `${change.upn}|${change.subject}|${change.kind}`;
    if (this.pending.get(key) !== change) return;
    change.error = message;
    const row = this.rows.findIndex((p) => p.upn === change.upn);
    const column = this.shown_columns.findIndex((c) => c.subject === change.subject && c.kind === change.kind);
    if (row >= 0 && column >= 0) this.repaint(row, column);
    this.update_toolbar();
  }

  // The server's records become the cells' saved state (with their ids, the next save's `seen`).
  saved(batch, records) {
    this.save_failure = null;
    for (const [key, change] of batch) {
      const record = records.find((r) => r.upn === change.upn && r.subject === change.subject && (r.kind || 'judgement') === change.kind);
      this.store_saved(change, record ? record.value : change.value, record ? record.id : change.seen);
      const newer = this.pending.get(key);
      if (newer === change) this.pending.delete(key);
      // Typed again while this save was on its way: the newer change follows our own record, not
      // the one read before, or its save would take our record for someone else's.
      else if (newer && record) newer.seen = record.id;
    }
    const now = new Date();
    this.last_saved = `${now.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`;
    for (let row = 0; row < this.rows.length; row += 1) {
      this.shown_columns.forEach((c, i) => this.repaint(row, i));
    }
    this.fill_statistics();
  }

  store_saved(change, value, id) {
    const pupil = this.rows.find((p) => p.upn === change.upn);
    if (!pupil) return;
    const row = this.rows.indexOf(pupil);
    const column = this.columns.find((c) => c.subject === change.subject && c.kind === change.kind);
    pupil.record_ids = pupil.record_ids || {};
    pupil.record_ids[change.kind] = pupil.record_ids[change.kind] || {};
    if (value === null || value === '') delete pupil.record_ids[change.kind][change.subject];
    else pupil.record_ids[change.kind][change.subject] = id;
    if (change.kind === 'judgement') {
      if (value === null || value === '') { delete pupil.judgements[change.subject]; return; }
      const grade = (this.grades_for(row, column) || []).find((g) => g.code === value) || { code: value, label: value };
      pupil.judgements[change.subject] = { code: grade.code, label: grade.label, band: grade.band, on_track: grade.on_track, colour: grade.colour, colour_overridden: false, judged_year: pupil.year, id };
    } else if (change.kind === 'test') {
      pupil.test_scores[change.subject] = value || '';
    } else if (change.kind === 'formative') {
      pupil.formative[change.subject] = value || '';
    } else {
      pupil.phonics = value || null;
    }
  }

  // Another user saved some of these cells after this page read them: nothing was saved. Each is
  // shown with who changed it, when, theirs and ours; the teacher keeps theirs or takes the other.
  show_conflicts(batch, changed) {
    this.conflicts = changed.map((other) => {
      const entry = batch.find(([, c]) => c.upn === other.upn && c.subject === other.subject && c.kind === (other.kind || 'judgement'));
      return { other, key: entry ? entry[0] : null, mine: entry ? entry[1] : null };
    }).filter((c) => c.key);
    this.render_conflicts();
    this.status_line.textContent = 'Nothing was saved: someone else changed some of these cells.';
  }

  render_conflicts() {
    const box = clear(this.conflict_box);
    if (!this.conflicts.length) { box.hidden = true; this.schedule_save(); return; }
    box.hidden = false;
    const people = [...new Set(this.conflicts.map((c) => c.other.recorded_by))];
    const latest = this.conflicts.map((c) => c.other.recorded_at).sort().pop();
    box.append(el('h2', { id: 'conflict-title', text: `${people.join(' and ')} changed ${this.conflicts.length === 1 ? 'this cell' : 'these cells'} at ${time_of(latest)}` }),
      el('p', { text: 'Nothing of yours was saved yet. For each cell keep your grade or take theirs; your other changes save after that.' }));
    const table = el('table', { class: 'conflict-table' },
      el('thead', {}, el('tr', {}, ['Pupil', 'Column', 'Theirs', 'Yours', 'Choose'].map((t) => el('th', { scope: 'col', text: t })))));
    const body = el('tbody', {});
    for (const conflict of this.conflicts) {
      const pupil = this.rows.find((p) => p.upn === conflict.other.upn);
      body.append(el('tr', {},
        el('th', { scope: 'row', text: pupil ? pupil_name(pupil) : conflict.other.upn }),
        el('td', { text: conflict.other.subject }),
        el('td', { text: `${conflict.other.value ?? '(cleared)'} by ${conflict.other.recorded_by}, ${time_of(conflict.other.recorded_at)}` }),
        el('td', { text: conflict.mine.value || '(cleared)' }),
        el('td', {},
          el('button', { type: 'button', onclick: () => this.resolve(conflict, 'mine') }, 'Keep mine'),
          el('button', { type: 'button', onclick: () => this.resolve(conflict, 'theirs') }, 'Take theirs'))));
    }
    table.append(body);
    box.append(table,
      el('p', {},
        el('button', { type: 'button', onclick: () => [...this.conflicts].forEach((c) => this.resolve(c, 'mine')) }, 'Keep all mine'),
        el('button', { type: 'button', onclick: () => [...this.conflicts].forEach((c) => this.resolve(c, 'theirs')) }, 'Take all theirs')));
    box.querySelector('button').focus();
  }

  resolve(conflict, whose) {
    const change = this.pending.get(conflict.key);
    if (whose === 'mine') {
      if (change) change.seen = conflict.other.id;  // saving again overrules their record knowingly
    } else {
      this.pending.delete(conflict.key);
      this.store_saved(conflict.mine, conflict.other.value, conflict.other.id);
    }
    this.conflicts = this.conflicts.filter((c) => c !== conflict);
    this.render();
    this.render_conflicts();
    this.update_toolbar();
  }

  async set_inclusion(pupil, box) {
    try {
      await post(this.school_path('/pupils/inclusion'), { upns: [pupil.upn], include_in_data: box.checked });
      this.in_data.set(pupil.upn, box.checked);
      this.render();
    } catch (e) {
      box.checked = !box.checked;
      this.show_problems([e.message]);
    }
  }

  download_csv() {
    const columns = this.shown_columns;
    const shown = shown_sections();
    const details = this.detail_columns.filter((c) => shown[c.section] !== false);
    const quote = (t) => (/[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
    const lines = [['UPN', 'Surname', 'Forename', 'Class', 'Year', ...details.map((c) => c.title), ...columns.map((c) => c.title)].map(quote).join(',')];
    this.rows.forEach((p, row) => {
      lines.push([p.upn, p.surname, p.forename, p.class || '', String(p.year), ...details.map((c) => c.text(p)), ...columns.map((c) => {
        const cell = this.current(row, c);
        return cell && cell.code ? cell.code : '';
      })].map(quote).join(','));
    });
    const link = el('a', { href: URL.createObjectURL(new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv' })), download: `${this.assessment.name} grid.csv` });
    document.body.append(link);
    link.click();
    link.remove();
  }

  async leave() {
    window.removeEventListener('beforeunload', this.unload_guard);
    await this.flush();
  }
}
