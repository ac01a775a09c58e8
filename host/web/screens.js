// The screens besides the grid: home (headline figures and what still needs entering), reports (on
// screen with drill-down, and as PDF, XLSX or CSV) and targets per class (pupils are in pupils.js,
// maintenance in maintenance.js).
import { get, post, query, file_url } from './api.js';
import { el, append, clear, field, select, problem_box, pupil_name, year_name, british_date, class_options } from './dom.js';
import { render_report } from './report.js';

const core_subjects = ['reading', 'writing', 'maths'];

export function school_path(context, rest) { return `/schools/${context.school.school}${rest}`; }

export async function assessments_of(context) {
  const list = await get(school_path(context, '/assessments'));
  return list.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id));
}

// Each year group's latest assessment (the list is newest first).
function latest_per_year(assessments) {
  const latest = new Map();
  for (const a of assessments) for (const y of a.year_groups) if (!latest.has(y)) latest.set(y, a);
  return [...latest.entries()].sort((a, b) => a[0] - b[0]);
}

export function table_of(caption, headings, rows) {
  return el('div', { class: 'table-scroll' }, el('table', { class: 'data' }, caption ? el('caption', { text: caption }) : null,
    el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, c) : el('td', {}, c))))))));
}

export async function home_screen(context, main) {
  clear(main).append(el('h1', { text: `${context.school.name}` }));
  const assessments = await assessments_of(context);
  if (!assessments.length) {
    main.append(el('p', { text: 'No assessments yet: add the first under Maintenance, then enter judgements in the Assessment grid.' }));
    return;
  }
  const headline = el('section', { 'aria-labelledby': 'headline-title' }, el('h2', { id: 'headline-title', text: 'On track or above, by cohort' }));
  main.append(headline);
  const figures = await Promise.all(latest_per_year(assessments).map(async ([year, a]) => {
    try {
      return { year, a, summary: await get(school_path(context, `/assessments/${a.id}/summary${query({ year: year === 0 ? 'R' : year })}`)) };
    } catch (e) { return { year, a, problem: e.message }; }
  }));
  const cards = el('div', { class: 'cards' });
  for (const { year, a, summary, problem } of figures) {
    const card = el('article', { class: 'card' }, el('h3', {}, `${year_name(year)} `, el('span', { class: 'muted', text: `${a.name}, ${a.term} ${a.academic_year}` })));
    if (problem) card.append(problem_box(problem));
    else {
      const list = el('ul', { class: 'headline' });
      for (const subject of summary.subjects.filter((s) => core_subjects.includes(s.subject))) {
        const of = summary.pupils;
        if (subject.no_judgement === of) {
          // Nothing entered yet is not the same as nobody on track: say so instead of "0%".
          list.append(el('li', {}, el('strong', { text: subject.subject }), `: nothing entered yet (${of} pupils)`));
          continue;
        }
        const percent = of ? Math.round((100 * subject.on_track) / of) : 0;
        const bar = el('span', { class: 'bar', 'aria-hidden': 'true' }, el('span', { class: 'bar-fill' }));
        bar.firstChild.style.width = `${percent}%`;
        list.append(el('li', {}, el('strong', { text: `${percent}%` }), ` of ${year_name(year)} (${subject.on_track}/${of}) are on track in ${subject.subject}`,
          subject.no_judgement ? el('span', { class: 'muted', text: ` · ${subject.no_judgement} not yet judged` }) : null, bar));
      }
      if (summary.reading_writing_maths && summary.subjects.some((x) => x.no_judgement < summary.pupils)) list.append(el('li', {}, el('strong', { text: `${Math.round(summary.reading_writing_maths.percent)}%` }), ` on track in reading, writing and maths together (${summary.reading_writing_maths.on_track}/${summary.pupils})`));
      card.append(list, el('a', { href: `#/grid?assessment=${a.id}&year=${year === 0 ? 'R' : year}` }, `Open the ${year_name(year)} grid`));
      if (summary.excluded_pupils) card.append(el('p', { class: 'muted', text: `${summary.excluded_pupils} left out (Include in Data is No).` }));
    }
    cards.append(card);
  }
  headline.append(cards);

  const chase = el('section', { 'aria-labelledby': 'chase-title' }, el('h2', { id: 'chase-title', text: 'Still to enter' }));
  main.append(chase);
  const current = [...new Map(latest_per_year(assessments).map(([, a]) => [a.id, a])).values()];
  for (const a of current) {
    const health = await get(school_path(context, `/assessments/${a.id}/collection-health`)).catch((e) => ({ problem: e.message }));
    if (health.problem) { chase.append(problem_box(health.problem)); continue; }
    chase.append(el('h3', { text: `${a.name} (dated ${british_date(a.date)}): ${health.missing} of ${health.expected} judgements missing` }));
    if (!health.gaps.length) { chase.append(el('p', { text: 'Everything is entered.' })); continue; }
    // One row a class: its subjects with the count missing, and the pupils missing any of them.
    const by_class = new Map();
    for (const g of health.gaps) {
      const entry = by_class.get(g.class) || { gaps: [], pupils: new Map() };
      entry.gaps.push(g);
      for (const p of g.pupils_missing) entry.pupils.set(p.upn, p);
      by_class.set(g.class, entry);
    }
    chase.append(table_of(null, ['Class', 'Missing', 'Pupils missing a judgement'], [...by_class].map(([name, entry]) => {
      const everything = entry.gaps.every((g) => g.missing === g.pupils) && entry.gaps.length === a.subjects.length;
      const pupils = [...entry.pupils.values()];
      return [
        el('a', { href: `#/grid?assessment=${a.id}&class=${encodeURIComponent(name)}` }, name || 'No class'),
        everything ? `nothing entered yet (${entry.gaps[0].pupils} pupils)` : entry.gaps.map((g) => `${g.subject} ${g.missing} of ${g.pupils}`).join(', '),
        everything ? '' : pupils.slice(0, 6).map((p) => pupil_name(p)).join(', ') + (pupils.length > 6 ? ` and ${pupils.length - 6} more` : ''),
      ];
    })));
  }
}

const report_kinds = [
  ['full', 'Full report (grades, on track, no judgement)'], ['venn', 'Venn: reading, writing and maths on track'],
  ['summary', 'Summary table by characteristic'], ['matrix', 'Progress matrix (earlier against later)'],
  ['progress', 'Progress between two assessments'], ['trends', 'Trends over time'],
];

export async function reports_screen(context, main, params) {
  clear(main).append(el('h1', { text: 'Reports' }));
  const assessments = await assessments_of(context);
  const everyone = (await get(school_path(context, '/pupils'))).pupils;
  const kind = select(report_kinds, params.report || 'full');
  const labelled = assessments.map((a) => [a.id, `${a.name} (${a.term} ${a.academic_year})`]);
  const assessment = select([['', 'Latest of each year group'], ...labelled], params.assessment || (assessments[0] ? assessments[0].id : ''));
  const from = select([['', 'Choose the earlier one'], ...labelled], params.from || '');
  // The matrix also sets statutory results against the later assessment (seeds 000, 002).
  const statutory = el('optgroup', { label: 'Statutory results (progress matrix)' },
    [['ks1', 'KS1 teacher assessment'], ['eyfs', 'EYFS early learning goals'], ['eyfs:gld', 'EYFS good level of development']]
      .map(([value, text]) => el('option', { value, text, selected: params.from === value })));
  from.append(statutory);
  const year = select([['', 'Every year group'], ...[...new Set(everyone.map((p) => p.nc_year))].sort((a, b) => a - b).map((y) => [y === 0 ? 'R' : y, year_name(y)])], params.year || '');
  const class_choice = select([['', 'Every class'], ...class_options(everyone)], params.class || '');
  const from_field = field('Earlier data (progress and matrix)', from);
  const assessment_field = field('Assessment', assessment);
  const form = el('form', { class: 'filters', 'aria-label': 'Choose a report' },
    field('Report', kind), assessment_field, from_field, field('Year group', year), field('Class', class_choice),
    el('button', { type: 'submit', class: 'primary' }, 'Show on screen'));
  const downloads = el('p', { class: 'downloads' });
  const shown = el('section', { class: 'report', 'aria-live': 'polite' });
  const parameters = () => {
    const p = { year: year.value, class: class_choice.value };
    if (kind.value === 'matrix') Object.assign(p, { from: from.value, to: assessment.value });
    else if (kind.value !== 'trends') p.assessment = assessment.value;
    if (kind.value === 'progress') p.from = from.value;
    return p;
  };
  const show = async () => {
    const path = (format) => school_path(context, `/reports/${kind.value}${query({ ...parameters(), format })}`);
    append(clear(downloads), ['Download: ', ['pdf', 'xlsx', 'csv'].map((f) => [el('a', { class: 'button', href: file_url(path(f)), download: '' }, f.toUpperCase()), ' '])]);
    clear(shown).append(el('p', { text: 'Loading…' }));
    try {
      render_report(await get(path('json')), shown);
    } catch (e) {
      clear(shown).append(problem_box(e.message));
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    context.navigate('reports', { report: kind.value, assessment: assessment.value, from: from.value, year: year.value, class: class_choice.value });
  });
  // Only the choices the chosen report takes: trends span every term, only progress and the matrix compare two.
  const fit_choices = () => {
    from_field.hidden = !['matrix', 'progress'].includes(kind.value);
    statutory.disabled = kind.value !== 'matrix';
    if (statutory.disabled && [...statutory.children].some((o) => o.value === from.value)) from.value = '';
    assessment_field.hidden = kind.value === 'trends';
  };
  kind.addEventListener('change', fit_choices);
  fit_choices();
  main.append(form, downloads, shown);
  await show();
}

export async function targets_screen(context, main, params) {
  clear(main).append(el('h1', { text: 'Targets' }));
  const everyone = (await get(school_path(context, '/pupils'))).pupils;
  const classes = class_options(everyone);
  const chosen = params.class || (classes[0] ? classes[0][0] : '');
  const class_choice = select(classes, chosen);
  class_choice.addEventListener('change', () => context.navigate('targets', { class: class_choice.value }));
  main.append(el('form', { class: 'filters', 'aria-label': 'Which class' }, field('Class', class_choice)));
  const pupils = everyone.filter((p) => p.class === chosen);
  const upns = new Set(pupils.map((p) => p.upn));
  const name_of = (upn) => { const p = pupils.find((x) => x.upn === upn); return p ? pupil_name(p) : upn; };
  const part = async (title, path, draw) => {
    main.append(el('h2', { text: title }));
    try { main.append(draw(await get(school_path(context, path)))); } catch (e) { main.append(problem_box(e.message)); }
  };
  await part('Targets in force', '/targets', (targets) => {
    const mine = targets.filter((t) => upns.has(t.upn));
    return mine.length ? table_of(null, ['Pupil', 'Subject', 'Target', 'By', 'Set'], mine.map((t) => [name_of(t.upn), t.subject, t.grade || '(cleared)', t.horizon.replace(/_/g, ' '), `${t.set_by}, ${british_date(t.set_at)}`]))
      : el('p', { text: `No targets set for ${chosen} yet.` });
  });
  await part('Trajectories', '/trajectories', (lines) => {
    const mine = lines.filter((t) => upns.has(t.upn));
    return mine.length ? table_of(null, ['Pupil', 'Subject', 'Target', 'Termly line'], mine.map((t) => [name_of(t.upn), t.subject, t.target || '',
      t.available ? t.terms.map((term) => `${term.term} ${term.academic_year}: ${term.grade}${term.position ? ` (${term.position})` : ''}`).join('; ') : t.unavailable]))
      : el('p', { text: 'No trajectories: they follow from end-of-key-stage targets.' });
  });
  await part('Flags', `/target-flags${query({ class: chosen })}`, (flags) => (flags.length
    ? table_of(null, ['Pupil', 'Subject', 'Flag', 'Severity'], flags.map((f) => [name_of(f.upn), f.subject, f.sentence, f.severity]))
    : el('p', { text: 'No flags: every target of this class passes the checks.' })));
}
