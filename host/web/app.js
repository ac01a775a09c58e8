// The page's start: ask the server who is signed in (GET /api/v1/session), show the sign-in when
// nobody is, else the school's screens, one per address (#/grid?class=4A), so the browser's Back
// button and bookmarks work.
import { get, use_csrf_token, when_signed_out } from './api.js';
import { el, clear, problem_box } from './dom.js';
import { sign_in_form, idle_watch, sign_out } from './signin.js';
import { grid_screen } from './grid.js';
import { home_screen, reports_screen, targets_screen } from './screens.js';
import { pupils_screen, pupil_screen, pupil_edit_screen, pupils_bulk_screen, leavers_screen } from './pupils.js';
import { maintenance_screen, no_school_page } from './maintenance.js';

const main = document.getElementById('main');
const context = { school: null, session: null, can_write: true, can_administer: true, can_add_schools: false };
let current = null;  // the screen shown, asked to save before another replaces it
let watch = null;
let reauthenticating = null;

const writers = ['administrator', 'leader', 'teacher'];

function use_session(session) {
  context.session = session;
  use_csrf_token(session ? session.csrf_token : null);
  context.can_write = writers.includes(session.role);
  context.can_administer = session.role === 'administrator' || session.role === 'leader';
  context.can_add_schools = session.role === 'administrator' || session.role === 'authority';
  document.getElementById('who').textContent = `${session.display_name} (${session.role.replace('_', ' ')})`;
  document.getElementById('sign-out').hidden = false;
}

let quiet = null;
export function announce(message) {
  const status = document.getElementById('status');
  status.textContent = '';
  clearTimeout(quiet);
  setTimeout(() => { status.textContent = message; }, 50);
  quiet = setTimeout(() => { status.textContent = ''; }, 8000);
}

function navigate(screen, params) {
  const text = new URLSearchParams(Object.entries(params || {}).filter(([, v]) => v !== '' && v !== undefined && v !== null)).toString();
  window.location.hash = `#/${screen}${text ? `?${text}` : ''}`;
}

const screens = {
  home: (params) => home_screen(context, main, params),
  grid: async (params) => { const grid = new grid_screen(context); current = grid; await grid.show(main, params); },
  pupils: (params) => pupils_screen(context, main, params),
  pupil: (params) => pupil_screen(context, main, params),
  'pupil-edit': (params) => pupil_edit_screen(context, main, params),
  'pupils-bulk': (params) => pupils_bulk_screen(context, main, params),
  leavers: (params) => leavers_screen(context, main, params),
  reports: (params) => reports_screen(context, main, params),
  targets: (params) => targets_screen(context, main, params),
  maintenance: (params) => maintenance_screen(context, main, params),
};

async function route() {
  const hash = window.location.hash || '#/home';
  if (!hash.startsWith('#/')) return;  // an in-page link such as "Skip to content"
  const [name, text] = hash.slice(2).split('?');
  const screen = screens[name] ? name : 'home';
  if (current && current.leave) await current.leave().catch(() => {});
  current = null;
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.getAttribute('href') === `#/${screen}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const params = Object.fromEntries(new URLSearchParams(text || ''));
  document.title = `${document.querySelector(`#nav a[href="#/${screen}"]`)?.textContent || 'Pupil'} · Waymark`;
  try {
    await screens[screen](params);
  } catch (e) {
    if (e.status === 401) return;  // the sign-in is already on its way
    clear(main).append(el('h1', { text: 'This screen could not be shown' }), problem_box(e.message));
  }
  main.focus({ preventScroll: true });
}

// The session ended while the page was open: ask for sign-in over the screen, keep what is on it.
function signed_out_while_open(problem) {
  if (reauthenticating) return;
  if (watch) watch.stop();
  const dialog = document.getElementById('sign-in-again');
  const holder = dialog.querySelector('.holder');
  const reason = problem.code === 'session_expired'
    ? 'You were signed out after a time without activity. Sign in again to carry on; what is on the page is kept.'
    : 'You are signed out. Sign in again to carry on; what is on the page is kept.';
  dialog.showModal();
  reauthenticating = sign_in_form(holder, reason).then((session) => {
    dialog.close();
    reauthenticating = null;
    use_session(session);
    watch = new idle_watch(session, use_session, signed_out_while_open);
    if (current && current.save) current.save();
  });
}

async function start(session) {
  use_session(session);
  const schools = await get('/schools');
  const school = (session.school && schools.find((s) => s.school === session.school)) || schools[0];
  if (!school) {
    no_school_page(context, main, () => start(context.session));
    return;
  }
  context.school = school;
  context.navigate = navigate;
  context.announce = announce;
  document.getElementById('school-name').textContent = school.name;
  document.getElementById('nav').hidden = false;
  watch = new idle_watch(session, use_session, signed_out_while_open);
  window.addEventListener('hashchange', route);
  await route();
}

async function boot() {
  when_signed_out(signed_out_while_open);
  document.getElementById('sign-out').addEventListener('click', async () => {
    if (current && current.leave) await current.leave().catch(() => {});
    await sign_out();
    window.location.hash = '';
    window.location.reload();
  });
  let session = null;
  try {
    session = await get('/session');
  } catch (e) {
    if (e.status === 401) {
      session = await sign_in_form(main, e.code === 'session_expired' ? 'You were signed out after a time without activity.' : null);
    } else {
      clear(main).append(problem_box(e.message));
      return;
    }
  }
  await start(session);
}

boot();
