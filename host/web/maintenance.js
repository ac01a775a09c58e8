// The maintenance screen: the schools the user opens (administrators and authority users add one), the
// school's classes, its custom filter names, the subjects it tracks with
// each one's default scheme, the assessment calendar, the discussion-area templates (the questions of
// the progress meeting forms) and the statutory submissions. Everyone who reads the school sees the lists;
// only the roles the server lets change them (leaders and administrators, unlocking administrators
// only) get the forms, and the server still checks every change.
import { get, post, put, remove } from './api.js';
import { el, clear, field, select, problem_box, hidden_text, year_name, british_date } from './dom.js';
import { school_path, table_of, assessments_of } from './screens.js';

const primary_years = [0, 1, 2, 3, 4, 5, 6];
const core_subjects = ['reading', 'writing', 'maths'];
const meeting_types = [['pupil', 'Pupil meeting'], ['cohort', 'Cohort meeting']];
const submission_kinds = [['phonics-y1', 'Phonics check, Year 1'], ['phonics-y2', 'Phonics check, Year 2 retakes'], ['ks1', 'Key stage 1 teacher assessment']];
const kind_label = (kind) => (submission_kinds.find(([k]) => k === kind) || [kind, kind])[1];
// The usual wording (seed 000, as the server's own refusal of an empty declaration quotes it).
const standard_declaration = 'I have authority from the Headteacher to confirm and submit these results.';

// A form whose refusals land where the person is looking: a 422 naming a field beside that field's
// control (year_groups[1] beside the year groups, subjects[3].scheme beside that subject's scheme),
// anything else at the foot of the form.
function refusal_shower(form, foot) {
  let shown = [];
  const forget = () => {
    for (const [box, control] of shown) {
      box.remove();
      control.removeAttribute('aria-invalid');
      control.removeAttribute('aria-errormessage');
    }
    shown = [];
  };
  const control_for = (name) => {
    // The longest known prefix of the field: subjects[3].scheme, then subjects[3], then subjects.
    for (let rest = name; rest; rest = rest.replace(/(\.[^.[\]]*|\[\d+\])$/, '')) {
      const found = form.querySelector(`[data-field="${CSS.escape(rest)}"]`);
      if (found) return found;
      if (!/(\.[^.[\]]*|\[\d+\])$/.test(rest)) break;
    }
    return null;
  };
  const show = (failure) => {
    forget();
    const box = problem_box(failure.message);
    box.id = `${form.id}-problem`;
    const control = failure.field ? control_for(failure.field) : null;
    if (control) {
      // A row or cell of the subjects table (subjects[3].scheme) is answered under the table, never inside it.
      (control.closest('.field') || control.closest('.table-scroll') || control).after(box);
      const target = control.matches('input, select, textarea') ? control : control.querySelector('input, select, textarea');
      target.setAttribute('aria-invalid', 'true');
      target.setAttribute('aria-errormessage', box.id);
      target.focus();
      shown.push([box, target]);
    } else {
      foot.append(box);
      shown.push([box, foot]);
    }
  };
  return { show, forget };
}

// Runs a form's change with its button held down; false (the refusal shown) when the server refused.
async function attempted(form, refusals, attempt) {
  refusals.forget();
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    await attempt();
    return true;
  } catch (failure) {
    button.disabled = false;
    refusals.show(failure);
    return false;
  }
}

// Runs a change; on success the screen is drawn afresh with `done` said under the section's heading.
async function change(context, main, form, refusals, section, done, attempt) {
  if (!await attempted(form, refusals, attempt)) return;
  await maintenance_screen(context, main);
  const heading = main.querySelector(`#${section}`);
  heading.after(el('p', { class: 'notice', role: 'status', text: typeof done === 'function' ? done() : done }));
  heading.focus();
}

function actions_row(...buttons) { return el('div', { class: 'form-actions' }, buttons); }

function section_heading(id, text) { return el('h2', { id, tabindex: '-1', text }); }

function scheme_choice(schemes, chosen, attributes) {
  const usable = schemes.filter((s) => s.available);
  return select([...(attributes.default_label ? [['', attributes.default_label]] : []), ...usable.map((s) => [s.id, s.name])], chosen,
    { 'data-field': attributes.field });
}

function assessment_form(context, main, schemes, tracked) {
  const form = el('form', { id: 'assessment-form', class: 'stacked', 'aria-labelledby': 'new-assessment' });
  const foot = el('div', { class: 'form-actions' });
  const refusals = refusal_shower(form, foot);
  const name = el('input', { 'data-field': 'name', autocomplete: 'off', required: true, maxlength: 100 });
  const date = el('input', { type: 'date', 'data-field': 'date', required: true });
  const years = el('fieldset', { class: 'sections', 'data-field': 'year_groups' }, el('legend', { text: 'Year groups' }),
    primary_years.map((y) => el('label', { class: 'toggle' }, el('input', { type: 'checkbox', value: String(y) }), year_name(y))));
  const default_scheme = scheme_choice(schemes, 'org.waymark.lancashire-four-band', { field: 'scheme' });
  const rows = el('tbody');
  const subjects = el('fieldset', { class: 'subjects', 'data-field': 'subjects' }, el('legend', { text: 'Subjects and their schemes' }),
    el('p', { class: 'hint', text: 'The school’s subjects, each on its scheme from “Subjects and their schemes” above. Reading, writing and maths are always assessed; add or remove others, or choose another scheme for this assessment only.' }),
    el('div', { class: 'table-scroll' }, el('table', { class: 'data' }, el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Subject' }), el('th', { scope: 'col', text: 'Scheme' }), el('th', { scope: 'col' }, hidden_text('Remove')))), rows)));
  const add_row = (code, chosen_scheme) => {
    const index = rows.children.length;
    const core = core_subjects.includes(code);
    const code_input = el('input', { value: code || '', 'aria-label': `Subject ${index + 1}`, 'data-field': `subjects[${index}].code`, readonly: core, size: 12 });
    const scheme = scheme_choice(schemes, chosen_scheme || '', { field: `subjects[${index}].scheme`, default_label: 'The default scheme' });
    scheme.setAttribute('aria-label', `Scheme of subject ${index + 1}`);
    const row = el('tr', { 'data-field': `subjects[${index}]` }, el('td', {}, code_input), el('td', {}, scheme),
      el('td', {}, core ? '' : el('button', { type: 'button', 'aria-label': `Remove subject ${index + 1}`, onclick: () => { row.remove(); renumber(); adder.focus(); } }, 'Remove')));
    rows.append(row);
    return code_input;
  };
  // Row numbers are what the server's refusals name (subjects[3]), so they follow removals.
  const renumber = () => [...rows.children].forEach((row, index) => {
    row.dataset.field = `subjects[${index}]`;
    const [code_input, scheme, remover] = row.querySelectorAll('input, select, button');
    code_input.dataset.field = `subjects[${index}].code`;
    code_input.setAttribute('aria-label', `Subject ${index + 1}`);
    scheme.dataset.field = `subjects[${index}].scheme`;
    scheme.setAttribute('aria-label', `Scheme of subject ${index + 1}`);
    if (remover) remover.setAttribute('aria-label', `Remove subject ${index + 1}`);
  });
  // The school's subjects, each on the scheme chosen for it under "Subjects and their schemes".
  (tracked.length ? tracked : core_subjects.map((code) => ({ code }))).forEach((t) => add_row(t.code, t.scheme));
  // Focus stays in the table: on the new row's subject, or after a removal on the button that adds one.
  const adder = el('button', { type: 'button', onclick: () => add_row('').focus() }, 'Add a subject');
  subjects.append(adder);
  form.append(el('div', { class: 'edit-form' }, field('Name', name, 'e.g. Spring 1'), field('Date', date, 'The academic year and term follow from it'),
    field('Default scheme', default_scheme)), years, subjects, actions_row(el('button', { type: 'submit', class: 'primary' }, 'Add the assessment')), foot);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body = {
      name: name.value.trim(), date: date.value, scheme: default_scheme.value,
      year_groups: [...years.querySelectorAll('input:checked')].map((box) => Number(box.value)),
      subjects: [...rows.children].map((row) => {
        const [code_input, scheme] = row.querySelectorAll('input, select');
        return scheme.value ? { code: code_input.value.trim(), scheme: scheme.value } : { code: code_input.value.trim() };
      }),
    };
    change(context, main, form, refusals, 'assessments-title', `Added ${body.name}; open its grid from the list.`,
      () => post(school_path(context, '/assessments'), body));
  });
  return form;
}

// Class names as the MIS gives them; a rename keeps the pupils and the teachers given the class.
// The form adding a school that no MIS brings (POST /schools), for administrators and authority
// users; `submit(body, form, refusals)` sends it. Shared by this screen and the empty database's page.
function school_form(submit) {
  const form = el('form', { id: 'school-form', class: 'edit-form', 'aria-labelledby': 'school-add-title' });
  const foot = el('div', { class: 'form-actions' });
  const refusals = refusal_shower(form, foot);
  const input = (name, attributes) => el('input', { 'data-field': name, autocomplete: 'off', ...attributes });
  const laestab = input('laestab', { required: true, inputmode: 'numeric', maxlength: 7, size: 9 });
  const name = input('name', { required: true, maxlength: 200, size: 28 });
  const postcode = input('postcode', { maxlength: 8, size: 9 });
  const urn = input('urn', { inputmode: 'numeric', maxlength: 6, size: 8 });
  form.append(field('LA and establishment number', laestab, 'Seven digits, e.g. 8012000'), field('Name', name),
    field('Postcode', postcode, 'Optional'), field('URN', urn, 'Optional, six digits'),
    actions_row(el('button', { type: 'submit', class: 'primary' }, 'Add the school')), foot);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body = { laestab: laestab.value.trim(), name: name.value.trim() };
    if (postcode.value.trim()) body.postcode = postcode.value.trim();
    if (urn.value.trim()) body.urn = urn.value.trim();
    submit(body, form, refusals);
  });
  return form;
}

const school_added_text = (school) => `Added school ${school.school} ${school.name} (academic year ${school.current_year}).`;

// The page of a database that holds no school yet: who may add one adds the first here.
export function no_school_page(context, main, added) {
  clear(main).append(el('h1', { text: 'No school yet' }));
  if (!context.can_add_schools) {
    main.append(el('p', { text: 'This database holds no school. An administrator adds one here, or imports one from the MIS (waymark sync); then reload.' }));
    return;
  }
  main.append(el('p', { text: 'This database holds no school. Add the first one here by its DfE number (or import one from the MIS with waymark sync, or build the demo with waymark main); its pupils follow from the MIS, the CSV template or a CTF.' }),
    el('h2', { id: 'school-add-title', text: 'Add a school' }),
    school_form((body, form, refusals) => attempted(form, refusals, async () => added(await post('/schools', body)))));
}

function schools_part(context, main, schools) {
  const listed = table_of(null, ['Number', 'Name', 'URN', 'Postcode', 'Academic year'], schools.map((s) => [s.school, s.name, s.urn, s.postcode, s.current_year]));
  listed.id = 'schools-table';
  const part = [section_heading('schools-title', 'Schools'), listed];
  if (!context.can_add_schools) return part;
  part.push(el('p', { class: 'hint', text: context.session.role === 'authority'
    ? 'A school you add is granted to you at once. Its pupils come from its MIS, the CSV template or a CTF.'
    : 'A school that no MIS brings, added by its DfE number. It is a school of its own: its users are added by an authority user, or with waymark users add NAME --school NUMBER.' }),
  el('h3', { id: 'school-add-title', text: 'Add a school' }),
  school_form((body, form, refusals) => {
    let added = null;
    change(context, main, form, refusals, 'schools-title', () => school_added_text(added), async () => { added = await post('/schools', body); });
  }));
  return part;
}

function classes_part(context, main, classes, pupils) {
  // Class names such as trees say nothing of the year, so each is shown with its pupils' year groups.
  const years_of = new Map();
  for (const p of pupils) if (p.class) years_of.set(p.class, new Set([...(years_of.get(p.class) || []), p.nc_year]));
  const years_text = (name) => [...(years_of.get(name) || [])].sort((a, b) => a - b).map(year_name).join(', ');
  const part = [section_heading('classes-title', 'Classes'),
    el('p', { class: 'hint', text: 'A renamed class keeps its pupils, and teachers given the class keep it under the new name. Only a class with no pupils can be deleted.' })];
  const delete_button = (c) => el('button', { type: 'button', 'aria-label': `Delete class ${c.name}`, onclick: async (e) => {
    const button = e.currentTarget;
    if (button.nextElementSibling && button.nextElementSibling.matches('.problem')) button.nextElementSibling.remove();
    if (!window.confirm(`Delete class ${c.name}?`)) return;
    try {
      await remove(school_path(context, `/classes/${encodeURIComponent(c.name)}`));
      await maintenance_screen(context, main);
      const heading = main.querySelector('#classes-title');
      heading.after(el('p', { class: 'notice', role: 'status', text: `Class ${c.name} is deleted.` }));
      heading.focus();
    } catch (failure) {
      const box = problem_box(failure.message);
      button.after(box);
      button.focus();
    }
  } }, 'Delete');
  part.push(classes.length
    ? table_of(null, ['Class', 'Year group', 'Pupils', ...(context.can_administer ? ['Delete'] : [])],
      classes.map((c) => [c.name, years_text(c.name), String(c.pupils), ...(context.can_administer ? [delete_button(c)] : [])]))
    : el('p', { text: 'No classes yet: the MIS sync brings them with the pupils, or add one here.' }));
  if (!context.can_administer) return part;

  const add_form = el('form', { id: 'class-add-form', class: 'edit-form', 'aria-labelledby': 'class-add-title' });
  const add_foot = el('div', { class: 'form-actions' });
  const add_refusals = refusal_shower(add_form, add_foot);
  const new_name = el('input', { 'data-field': 'name', autocomplete: 'off', required: true, maxlength: 60, size: 12 });
  add_form.append(field('Name', new_name, 'e.g. 4B or Oak'), actions_row(el('button', { type: 'submit' }, 'Add the class')), add_foot);
  add_form.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = new_name.value.trim();
    change(context, main, add_form, add_refusals, 'classes-title', `Class ${name} is added.`, () => post(school_path(context, '/classes'), { name }));
  });

  const rename_form = el('form', { id: 'class-rename-form', class: 'edit-form', 'aria-labelledby': 'class-rename-title' });
  const rename_foot = el('div', { class: 'form-actions' });
  const rename_refusals = refusal_shower(rename_form, rename_foot);
  const which = select(classes.map((c) => [c.name, years_text(c.name) ? `${c.name} (${years_text(c.name)})` : c.name]), classes.length ? classes[0].name : '', { 'data-field': 'class' });
  const renamed = el('input', { 'data-field': 'name', autocomplete: 'off', required: true, maxlength: 60, size: 12 });
  rename_form.append(field('Class', which), field('New name', renamed), actions_row(el('button', { type: 'submit' }, 'Rename the class')), rename_foot);
  rename_form.addEventListener('submit', (e) => {
    e.preventDefault();
    const from = which.value;
    const name = renamed.value.trim();
    change(context, main, rename_form, rename_refusals, 'classes-title', `Class ${from} is now ${name}.`,
      () => put(school_path(context, `/classes/${encodeURIComponent(from)}`), { name }));
  });
  part.push(el('div', { class: 'side-by-side' },
    el('div', {}, el('h3', { id: 'class-add-title', text: 'Add a class' }), add_form),
    classes.length ? el('div', {}, el('h3', { id: 'class-rename-title', text: 'Rename a class' }), rename_form) : null));
  return part;
}

// The six custom filters' names (seed 000: "custom filter names"); a blank name leaves the filter unused.
function flags_part(context, main, names) {
  const part = [section_heading('flags-title', 'Custom filters'),
    el('p', { class: 'hint', text: 'Up to six yes/no characteristics of your own (for example Young carer), offered as filters on the grid and in reports. Leave a name blank for a filter you do not use.' })];
  if (!context.can_administer) {
    const used = names.map((name, i) => [`Custom filter ${i + 1}`, name]).filter(([, name]) => name);
    part.push(used.length ? table_of(null, ['Filter', 'Name'], used) : el('p', { text: 'No custom filters are named.' }));
    return part;
  }
  const form = el('form', { id: 'flags-form', class: 'edit-form', 'aria-labelledby': 'flags-title' });
  const foot = el('div', { class: 'form-actions' });
  const refusals = refusal_shower(form, foot);
  const inputs = names.map((name, i) => el('input', { value: name, maxlength: 60, size: 20, autocomplete: 'off', 'data-field': `names[${i}]` }));
  form.append(el('div', { class: 'flag-names' }, inputs.map((input, i) => field(`Custom filter ${i + 1}`, input))),
    actions_row(el('button', { type: 'submit' }, 'Save the filter names')), foot);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    change(context, main, form, refusals, 'flags-title', 'The filter names are saved.',
      () => put(school_path(context, '/custom-flags'), { names: inputs.map((input) => input.value.trim()) }));
  });
  part.push(form);
  return part;
}

// The subjects the school tracks and the scheme each is judged in when a new assessment is made.
function subjects_part(context, main, subjects, schemes) {
  const part = [section_heading('subjects-title', 'Subjects and their schemes'),
    el('p', { class: 'hint', text: 'The subjects a new assessment starts with, each judged in the scheme chosen here unless the assessment chooses another. Assessments already made keep their schemes.' })];
  const scheme_name = (id) => (schemes.find((s) => s.id === id) || { name: id }).name;
  if (!context.can_administer) {
    part.push(table_of(null, ['Subject', 'Scheme'], subjects.subjects.map((s) => [s.name, scheme_name(s.scheme)])));
    return part;
  }
  const form = el('form', { id: 'subjects-form', class: 'stacked', 'aria-labelledby': 'subjects-title' });
  const foot = el('div', { class: 'form-actions' });
  const refusals = refusal_shower(form, foot);
  const rows = el('tbody');
  const others = [...subjects.others];
  const adder_choice = select([], '', { id: 'subject-to-add' });
  const fill_adder = () => {
    clear(adder_choice);
    for (const o of others) adder_choice.append(el('option', { value: o.code, text: o.name }));
    adder_choice.disabled = !others.length;
  };
  const add_row = (subject) => {
    const core = core_subjects.includes(subject.code);
    const scheme = scheme_choice(schemes, subject.scheme, { field: `subjects[${rows.children.length}].scheme` });
    scheme.setAttribute('aria-label', `Scheme for ${subject.name}`);
    const row = el('tr', { dataset: { code: subject.code } }, el('th', { scope: 'row', text: subject.name }), el('td', {}, scheme),
      el('td', {}, core ? el('span', { class: 'muted', text: 'Always' }) : el('button', { type: 'button', 'aria-label': `Remove ${subject.name}`, onclick: () => {
        row.remove();
        others.push({ code: subject.code, name: subject.name });
        others.sort((a, b) => a.name.localeCompare(b.name));
        fill_adder();
        adder_choice.focus();
      } }, 'Remove')));
    rows.append(row);
    return scheme;
  };
  subjects.subjects.forEach(add_row);
  fill_adder();
  const add_button = el('button', { type: 'button', onclick: () => {
    const code = adder_choice.value;
    const at = others.findIndex((o) => o.code === code);
    if (at < 0) return;
    const [subject] = others.splice(at, 1);
    fill_adder();
    add_row({ ...subject, scheme: (schemes.find((s) => s.available) || { id: '' }).id }).focus();
  } }, 'Add the subject');
  form.append(el('div', { class: 'table-scroll' }, el('table', { class: 'data' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Subject' }), el('th', { scope: 'col', text: 'Default scheme' }), el('th', { scope: 'col', text: 'Tracked' }))), rows)),
  el('div', { class: 'form-actions' }, el('label', { for: 'subject-to-add', text: 'Another subject ' }), adder_choice, add_button),
  actions_row(el('button', { type: 'submit' }, 'Save the subjects')), foot);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body = { subjects: [...rows.children].map((row) => ({ code: row.dataset.code, scheme: row.querySelector('select').value })) };
    change(context, main, form, refusals, 'subjects-title', 'The subjects and their schemes are saved; new assessments start with them.',
      () => put(school_path(context, '/subjects'), body));
  });
  part.push(form);
  return part;
}

function templates_part(context, main, templates) {
  const part = [section_heading('templates-title', 'Discussion areas (meeting questions)'),
    el('p', { class: 'hint', text: 'A new meeting asks the questions live on its day; saved meetings keep the wording they were answered against.' })];
  const form = el('form', { id: 'template-form', class: 'edit-form', 'aria-labelledby': 'template-form-title' });
  const title = el('h3', { id: 'template-form-title', text: 'Add a question' });
  const foot = el('div', { class: 'form-actions' });
  const refusals = refusal_shower(form, foot);
  const type = select(meeting_types, 'pupil', { 'data-field': 'type' });
  const question = el('textarea', { rows: 2, cols: 40, maxlength: 500, 'data-field': 'question', required: true });
  const order = el('input', { type: 'number', step: 1, value: String(templates.length + 1), 'data-field': 'sort_order', size: 4 });
  const live_from = el('input', { type: 'date', value: new Date().toISOString().slice(0, 10), 'data-field': 'live_from', required: true });
  const live_to = el('input', { type: 'date', 'data-field': 'live_to' });
  const submit = el('button', { type: 'submit', class: 'primary' }, 'Add the question');
  const cancel = el('button', { type: 'button', hidden: true }, 'Cancel the edit');
  let editing = null;
  const edit = (template) => {
    editing = template;
    refusals.forget();
    title.textContent = 'Change a question';
    type.value = template.type;
    type.disabled = true;  // fixed once made (the server refuses a change)
    question.value = template.question;
    order.value = String(template.sort_order);
    live_from.value = template.live_from;
    live_to.value = template.live_to || '';
    submit.textContent = 'Save the question';
    cancel.hidden = false;
    question.focus();
  };
  cancel.addEventListener('click', () => maintenance_screen(context, main).then(() => main.querySelector('#templates-title').focus()));
  form.append(field('Meeting', type), field('Question', question, 'Up to 500 characters'), field('Order', order, 'Lower numbers are asked first'),
    field('Live from', live_from), field('Live until', live_to, 'Leave empty to keep it live'), actions_row(submit, cancel), foot);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body = { question: question.value.trim(), sort_order: Number(order.value), live_from: live_from.value, live_to: live_to.value || null };
    if (editing) {
      const id = editing.id;
      change(context, main, form, refusals, 'templates-title', 'The question is saved.', () => put(school_path(context, `/discussion-templates/${id}`), body));
    } else {
      change(context, main, form, refusals, 'templates-title', 'The question is added.', () => post(school_path(context, '/discussion-templates'), { type: type.value, ...body }));
    }
  });
  const sorted = [...templates].sort((a, b) => a.type.localeCompare(b.type) || a.sort_order - b.sort_order || a.id - b.id);
  const actions = (t) => (context.can_administer ? el('span', {},
    el('button', { type: 'button', 'aria-label': `Change “${t.question}”`, onclick: () => edit(t) }, 'Change'),
    el('button', { type: 'button', 'aria-label': `Delete “${t.question}”`, onclick: async (e) => {
      if (!window.confirm(`Delete the question “${t.question}”? Meetings already saved keep it.`)) return;
      try {
        await remove(school_path(context, `/discussion-templates/${t.id}`));
        await maintenance_screen(context, main);
        main.querySelector('#templates-title').after(el('p', { class: 'notice', role: 'status', text: 'The question is deleted.' }));
        main.querySelector('#templates-title').focus();
      } catch (failure) { e.target.after(problem_box(failure.message)); }
    } }, 'Delete')) : '');
  part.push(sorted.length
    ? table_of(null, ['Question', 'Meeting', 'Order', 'Live', ...(context.can_administer ? ['Change or delete'] : [])], sorted.map((t) => [t.question, new Map(meeting_types).get(t.type) || t.type, String(t.sort_order),
      `${british_date(t.live_from)}${t.live_to ? ` to ${british_date(t.live_to)}` : ' onwards'}`, ...(context.can_administer ? [actions(t)] : [])]))
    : el('p', { text: 'No questions yet.' }));
  if (context.can_administer) part.push(title, form);
  return part;
}

function statutory_part(context, main, submissions) {
  const part = [section_heading('statutory-title', 'Statutory submissions'),
    submissions.length
      ? table_of(null, ['Results', 'Year', 'Submitted', 'Declaration', 'Pupils', 'State'], submissions.map((s) => [kind_label(s.kind), s.academic_year,
        `${s.submitted_by}, ${british_date(s.submitted_at)}`, s.declaration, String(s.pupils),
        s.locked ? 'Locked' : `Unlocked by ${s.unlocked_by} on ${british_date(s.unlocked_at)}: ${s.unlock_reason}`]))
      : el('p', { text: 'Nothing submitted yet.' })];
  if (context.can_administer) {
    const form = el('form', { id: 'submission-form', class: 'edit-form', 'aria-labelledby': 'submission-form-title' });
    const foot = el('div', { class: 'form-actions' });
    const refusals = refusal_shower(form, foot);
    const kind = select(submission_kinds, 'phonics-y1', { 'data-field': 'kind' });
    // Left empty: the person makes the declaration, in the usual words or their own.
    const declaration = el('textarea', { rows: 2, cols: 50, maxlength: 500, 'data-field': 'declaration' });
    const usual = el('button', { type: 'button', onclick: () => { declaration.value = standard_declaration; declaration.focus(); } }, 'Use the usual declaration');
    form.append(field('Results', kind), field('Declaration', declaration, `Kept with the submission; the usual one is “${standard_declaration}”`),
      actions_row(usual, el('button', { type: 'submit', class: 'primary' }, 'Submit and lock')), foot);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      change(context, main, form, refusals, 'statutory-title', `${kind_label(kind.value)} submitted and locked.`,
        () => post(school_path(context, '/statutory/submissions'), { kind: kind.value, declaration: declaration.value.trim() }));
    });
    part.push(el('h3', { id: 'submission-form-title', text: 'Submit this year’s results' }),
      el('p', { class: 'hint', text: 'Every pupil of the year group needs a result. Once submitted the results are locked, also against the MIS sync, until an administrator unlocks them.' }), form);
  }
  const locked = submissions.filter((s) => s.locked);
  if (context.session && context.session.role === 'administrator' && !locked.length) {
    part.push(el('h3', { id: 'unlock-form-title', text: 'Unlock submitted results (administrator)' }), el('p', { text: 'Nothing submitted is locked.' }));
  } else if (context.session && context.session.role === 'administrator') {
    const form = el('form', { id: 'unlock-form', class: 'edit-form', 'aria-labelledby': 'unlock-form-title' });
    const foot = el('div', { class: 'form-actions' });
    const refusals = refusal_shower(form, foot);
    const kind = select(locked.map((s, i) => [i, `${kind_label(s.kind)}, ${s.academic_year}`]), 0, { 'data-field': 'kind' });
    const reason = el('textarea', { rows: 2, cols: 50, 'data-field': 'reason' });
    form.append(field('Results', kind), field('Reason', reason, 'Why they must change; kept beside the submission'),
      actions_row(el('button', { type: 'submit' }, 'Unlock')), foot);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const chosen = locked[Number(kind.value)];
      change(context, main, form, refusals, 'statutory-title', `${kind_label(chosen.kind)} ${chosen.academic_year} unlocked: they can be changed and submitted again.`,
        () => post(school_path(context, '/statutory/unlocks'), { kind: chosen.kind, academic_year: chosen.academic_year, reason: reason.value.trim() }));
    });
    part.push(el('h3', { id: 'unlock-form-title', text: 'Unlock submitted results (administrator)' }), form);
  }
  return part;
}

const sections_on_screen = [['schools-title', 'Schools'], ['classes-title', 'Classes'], ['flags-title', 'Custom filters'], ['subjects-title', 'Subjects and their schemes'],
  ['assessments-title', 'Assessments'], ['templates-title', 'Discussion areas'], ['statutory-title', 'Statutory submissions']];

export async function maintenance_screen(context, main) {
  const [schools, assessments, templates, submissions, schemes, classes, flags, subjects, pupils] = await Promise.all([
    get('/schools').catch(() => [context.school]),
    assessments_of(context),
    get(school_path(context, '/discussion-templates')).catch(() => []),
    get(school_path(context, '/statutory/submissions')).catch(() => []),
    get('/schemes').then((s) => s.schemes).catch(() => []),
    get(school_path(context, '/classes')).catch(() => []),
    get(school_path(context, '/custom-flags')).then((f) => f.names).catch(() => ['', '', '', '', '', '']),
    get(school_path(context, '/subjects')).catch(() => ({ subjects: [], others: [] })),
    get(school_path(context, '/pupils')).then((p) => p.pupils).catch(() => []),
  ]);
  clear(main).append(el('h1', { text: 'Maintenance' }),
    el('nav', { class: 'on-this-page', 'aria-label': 'On this page' }, el('ul', {}, sections_on_screen.map(([id, text]) =>
      el('li', {}, el('a', { href: `#/maintenance`, onclick: (e) => { e.preventDefault(); const h = main.querySelector(`#${id}`); h.scrollIntoView(); h.focus(); } }, text))))));
  main.append(...schools_part(context, main, schools), ...classes_part(context, main, classes, pupils), ...flags_part(context, main, flags), ...subjects_part(context, main, subjects, schemes));
  main.append(section_heading('assessments-title', 'Assessments'), assessments.length
    ? table_of(null, ['Name', 'Date', 'Year groups', 'Subjects'], assessments.map((a) => [
      el('a', { href: `#/grid?assessment=${a.id}` }, a.name), british_date(a.date), a.year_groups.map(year_name).join(', '), a.subjects.map((s) => s.code).join(', ')]))
    : el('p', { text: 'No assessments yet.' }));
  if (context.can_administer) main.append(el('h3', { id: 'new-assessment', text: 'Add an assessment' }), assessment_form(context, main, schemes, subjects.subjects));
  main.append(...templates_part(context, main, templates), ...statutory_part(context, main, submissions));
}
