// Sign-in (user name and password, then the six-digit code of the person's authenticator app) and the
// idle warning: after 55 quiet minutes the page offers "Stay signed in"; at 60 the server ends the
// session and the page asks for the sign-in again over whatever was on screen, so unsaved grid
// changes wait for it instead of being lost.
import { get, post, remove } from './api.js';
import { el, clear, field, problem_box } from './dom.js';

// Resolves with the session once both steps are done. `message` explains why sign-in is asked.
export function sign_in_form(container, message) {
  return new Promise((resolve) => {
    const user = el('input', { name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
    const password = el('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const problem = el('div', { class: 'problem-slot' });
    const first = el('form', { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
      el('h1', { id: 'sign-in-title', text: 'Sign in to Waymark' }),
      message ? el('p', { class: 'notice', text: message }) : null,
      field('User name', user), field('Password', password), problem,
      el('button', { type: 'submit', class: 'primary' }, 'Next'));
    first.addEventListener('submit', async (e) => {
      e.preventDefault();
      clear(problem);
      try {
        await post('/session', { username: user.value.trim(), password: password.value });
        second_step();
      } catch (failure) {
        problem.append(problem_box(failure.message));
        password.value = '';
        password.focus();
      }
    });
    const second_step = () => {
      const code = el('input', { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: '6', required: true });
      const second_problem = el('div', { class: 'problem-slot' });
      const second = el('form', { class: 'sign-in', 'aria-labelledby': 'code-title' },
        el('h1', { id: 'code-title', text: 'Your six-digit code' }),
        el('p', { text: 'Open the authenticator app on your phone and type the code it shows for Waymark.' }),
        field('Code', code, 'Six digits; a new code comes every 30 seconds.'), second_problem,
        el('button', { type: 'submit', class: 'primary' }, 'Sign in'),
        el('button', { type: 'button', onclick: () => { clear(container); container.append(first); user.focus(); } }, 'Start again'));
      second.addEventListener('submit', async (e) => {
        e.preventDefault();
        clear(second_problem);
        try {
          resolve(await post('/session/second-step', { code: code.value.trim() }));
        } catch (failure) {
          second_problem.append(problem_box(failure.message));
          code.value = '';
          code.focus();
        }
      });
      clear(container).append(second);
      code.focus();
    };
    clear(container).append(first);
    user.focus();
  });
}

// Watches the session: polls GET /session (which is not activity), warns when the server says the
// warning time has come, and asks for sign-in again when the session has ended.
export class idle_watch {
  constructor(session, on_session, on_expired) {
    this.session = session;
    this.on_session = on_session;
    this.on_expired = on_expired;
    this.dialog = document.getElementById('idle-warning');
    this.left = document.getElementById('idle-left');
    document.getElementById('stay-signed-in').onclick = () => this.stay();  // replaces an earlier watch's
    this.schedule(session);
  }

  schedule(session) {
    clearTimeout(this.timer);
    clearInterval(this.countdown);
    const left = session.idle_seconds_left;
    const warn_at = session.warn_at_seconds_left;
    if (left <= warn_at) this.warn(left);
    else this.hide();
    // Ask again when the warning is due, and at least every minute (another tab may have been active).
    const next = left > warn_at ? Math.min(left - warn_at, 60) : Math.min(left, 15);
    this.timer = setTimeout(() => this.poll(), Math.max(1, next) * 1000);
  }

  poll() { return this.renew(() => get('/session')); }

  // Asks the server for the session (by polling, or by "stay signed in") and goes on from its answer.
  async renew(ask) {
    try {
      const session = await ask();
      this.session = session;
      this.on_session(session);
      this.schedule(session);
    } catch (e) {
      if (e.status === 401) this.expired(e);
      else this.timer = setTimeout(() => this.poll(), 30000);  // the server is unreachable for now
    }
  }

  warn(seconds) {
    let left = seconds;
    const show = () => {
      const minutes = Math.floor(left / 60);
      const rest = left % 60;
      this.left.textContent = minutes ? `${minutes} min ${rest} s` : `${rest} s`;
    };
    show();
    if (this.dialog.hidden) {
      this.dialog.hidden = false;
      document.getElementById('stay-signed-in').focus();
    }
    this.countdown = setInterval(() => { left = Math.max(0, left - 1); show(); }, 1000);
  }

  hide() { this.dialog.hidden = true; }

  stay() { return this.renew(() => post('/session/keep-alive')); }

  expired(problem) {
    clearTimeout(this.timer);
    clearInterval(this.countdown);
    this.hide();
    this.on_expired(problem);
  }

  stop() { clearTimeout(this.timer); clearInterval(this.countdown); this.hide(); }
}

export async function sign_out() {
  try { await remove('/session'); } catch (e) { /* already gone: the page reloads to the sign-in either way */ }
}
