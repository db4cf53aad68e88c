import { LitElement, html } from 'lit';
import { request } from './lib/api.js';
import { codeLists, label } from './lib/codes.js';
import { register } from './lib/i18n.js';
import en from './i18n/sessions/en.json';
import sl from './i18n/sessions/sl.json';
import bg from './i18n/sessions/bg.json';
import './sessions.css';

register({ en, sl, bg });

const SIZE = 20;
const MONTHS_OFFERED = 24;
const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const CODE = /^[A-Z_]+$/;

/** '2026-11' → {from: '2026-11-01', to: '2026-11-30'} */
function monthRange(month) {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(year, m, 0).getDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

function monthOf(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** This month and the ones before it, newest first, with the chosen one even when it is older. */
function offeredMonths(chosen) {
  const now = new Date();
  const months = [];
  for (let i = 0; i < MONTHS_OFFERED; i++) months.push(monthOf(new Date(now.getFullYear(), now.getMonth() - i, 1)));
  if (chosen && !months.includes(chosen)) months.push(chosen);
  return months.sort().reverse();
}

/**
 * The centre's sessions, newest first, a page at a time, filtered by month and method (kept in the hash's query);
 * open to correct and delete for those the API lets change them: the lead all, a youth worker their own.
 */
export class Sessions extends LitElement {
  static properties = {
    t: { attribute: false }, lang: { attribute: false }, me: { attribute: false }, params: { attribute: false },
    items: { state: true }, total: { state: true }, loading: { state: true }, codes: { state: true },
    usernames: { state: true }, confirming: { state: true }, busy: { state: true }, message: { state: true },
    conflict: { state: true }, failed: { state: true },
  };

  constructor() {
    super();
    this.items = [];
    this.total = null;
    this.usernames = {};
    this.loads = 0;
  }

  createRenderRoot() {
    return this;
  }

  get month() {
    const month = this.params?.get('month') || '';
    return MONTH.test(month) ? month : '';
  }

  get method() {
    const method = this.params?.get('method') || '';
    return CODE.test(method) ? method : '';
  }

  willUpdate(changed) {
    if (changed.has('lang')) this.loadCodes();
    if (changed.has('me') && this.me?.role === 'ORGANISATION_LEAD') this.loadUsernames();
    const filters = `${this.month}|${this.method}`;
    if (this.me && filters !== this.filters) {
      this.filters = filters;
      this.load();
    }
  }

  async loadCodes() {
    const lang = this.lang;
    const codes = await codeLists(lang);
    if (lang === this.lang) this.codes = codes;
  }

  async loadUsernames() {
    const answer = await request('GET', `/api/v1/users?organisationId=${this.me.organisationId}&size=500`);
    if (answer.ok) this.usernames = Object.fromEntries(answer.body.items.map(u => [u.id, u.username]));
  }

  query(page) {
    const query = new URLSearchParams({ organisationId: this.me.organisationId, page, size: SIZE });
    if (this.month) {
      const { from, to } = monthRange(this.month);
      query.set('from', from);
      query.set('to', to);
    }
    if (this.method) query.set('method', this.method);
    return `/api/v1/sessions?${query}`;
  }

  /** The first page again, for new filters or after a conflict; an answer to an older load is dropped. */
  async load() {
    const load = ++this.loads;
    this.loading = true;
    this.failed = false;
    this.confirming = null;
    this.conflict = false;
    if (this.message?.error) this.message = null;
    const answer = await request('GET', this.query(0));
    if (load !== this.loads) return;
    this.loading = false;
    if (!answer.ok) {
      // What was shown belongs to other filters: show none rather than the wrong ones.
      this.items = [];
      this.total = null;
      this.failed = true;
      this.message = { error: true, key: answer.status === 0 ? 'sessions.offline' : 'sessions.loadFailed' };
      return;
    }
    this.items = answer.body.items;
    this.total = answer.body.total;
  }

  /**
   * The next SIZE sessions. Deleting shifts the server's pages, so this asks from the page the list has reached
   * and keeps only sessions not shown yet, going on to the next page until it has SIZE or there are no more.
   */
  async more() {
    const load = this.loads;
    this.loading = true;
    let page = Math.floor(this.items.length / SIZE);
    let added = 0;
    while (added < SIZE) {
      const answer = await request('GET', this.query(page));
      if (load !== this.loads) return;
      if (!answer.ok) {
        this.message = { error: true, key: answer.status === 0 ? 'sessions.offline' : 'sessions.loadFailed' };
        break;
      }
      const shown = new Set(this.items.map(s => s.id));
      const fresh = answer.body.items.filter(s => !shown.has(s.id));
      this.items = [...this.items, ...fresh];
      this.total = answer.body.total;
      added += fresh.length;
      if ((page + 1) * SIZE >= answer.body.total) break;
      page++;
    }
    this.loading = false;
  }

  filter(name, value) {
    const query = new URLSearchParams({ month: this.month, method: this.method });
    query.set(name, value);
    for (const key of [...query.keys()]) if (!query.get(key)) query.delete(key);
    const rest = query.toString();
    location.hash = rest ? `#/sessions?${rest}` : '#/sessions';
  }

  /** The API's rule for correcting and deleting one session. */
  mayChange(session) {
    return this.me.role === 'ORGANISATION_LEAD' || (this.me.role === 'YOUTH_WORKER' && session.loggedBy === this.me.id);
  }

  async ask(session) {
    this.confirming = session.id;
    this.message = null;
    this.conflict = false;
    await this.updateComplete;
    this.querySelector(`#confirm-delete-${session.id}`)?.focus();
  }

  async cancel(session) {
    this.confirming = null;
    await this.updateComplete;
    this.querySelector(`#delete-${session.id}`)?.focus();
  }

  async deleteSession(session) {
    this.busy = session.id;
    const answer = await request('DELETE', `/api/v1/sessions/${session.id}`,
      { headers: { 'If-Match': `"${session.version}"` } });
    this.busy = null;
    this.confirming = null;
    const title = session.title;
    if (answer.ok || answer.status === 404) {
      this.items = this.items.filter(s => s.id !== session.id);
      this.total = Math.max(0, this.total - 1);
      this.message = { key: answer.ok ? 'sessions.deleted' : 'sessions.gone', values: { title } };
    } else if (answer.status === 412) {
      this.conflict = { title };
      this.message = null;
    } else if (answer.status === 401) {
      this.message = { error: true, key: 'sessions.signInAgain' };
    } else {
      const key = { 0: 'sessions.deleteOffline', 403: 'sessions.forbidden', 409: 'sessions.closed' }[answer.status]
        || 'sessions.deleteFailed';
      this.message = { error: true, key, values: { title } };
    }
    await this.updateComplete;
    this.querySelector(this.conflict ? '#sessions-reload' : '#sessions-status')?.focus();
  }

  async reload() {
    this.message = null;
    await this.load();
    this.querySelector('h1')?.focus();
  }

  /** t(key + '.one' | '.two' | '.few' | '.other', {n}) by the language's plural rules. */
  plural(key, n) {
    const form = new Intl.PluralRules(this.lang).select(n);
    const text = this.t(`${key}.${form}`, { n: this.number(n) });
    return text === `${key}.${form}` ? this.t(`${key}.other`, { n: this.number(n) }) : text;
  }

  number(n) {
    return new Intl.NumberFormat(this.lang).format(n);
  }

  when(session) {
    const [y, m, d] = session.date.split('-').map(Number);
    const day = new Date(y, m - 1, d);
    const date = new Intl.DateTimeFormat(this.lang, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
      .format(day);
    if (!session.startTime) return date;
    const [h, min] = session.startTime.split(':').map(Number);
    day.setHours(h, min);
    return `${date}, ${new Intl.DateTimeFormat(this.lang, { hour: 'numeric', minute: '2-digit' }).format(day)}`;
  }

  duration(minutes) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    const unit = (value, name) => new Intl.NumberFormat(this.lang, { style: 'unit', unit: name, unitDisplay: 'short' })
      .format(value);
    return [hours ? unit(hours, 'hour') : '', rest || !hours ? unit(rest, 'minute') : ''].filter(Boolean).join(' ');
  }

  loggedBy(session) {
    if (session.loggedBy && session.loggedBy === this.me.id) return this.t('sessions.you');
    return this.usernames[session.loggedBy] || this.t('sessions.someoneElse');
  }

  monthLabel(month) {
    const [y, m] = month.split('-').map(Number);
    return new Intl.DateTimeFormat(this.lang, { month: 'long', year: 'numeric' }).format(new Date(y, m - 1, 1));
  }

  render() {
    const t = this.t;
    const methods = this.codes?.methods || [];
    return html`
      <h1 tabindex="-1">${t('sessions.heading')}</h1>
      <div class="sessions-filters">
        <div>
          <label for="sessions-month">${t('sessions.month')}</label>
          <select id="sessions-month" @change=${e => this.filter('month', e.target.value)}>
            <option value="" ?selected=${!this.month}>${t('sessions.allMonths')}</option>
            ${offeredMonths(this.month).map(month => html`
              <option value=${month} ?selected=${month === this.month}>${this.monthLabel(month)}</option>`)}
          </select>
        </div>
        <div>
          <label for="sessions-method">${t('sessions.method')}</label>
          <select id="sessions-method" @change=${e => this.filter('method', e.target.value)}>
            <option value="" ?selected=${!this.method}>${t('sessions.allMethods')}</option>
            ${methods.map(m => html`<option value=${m.code} ?selected=${m.code === this.method}>${m.label}</option>`)}
          </select>
        </div>
      </div>
      <p id="sessions-status" role="status" tabindex="-1" class=${this.message ? (this.message.error ? 'error' : 'notice') : ''}
        >${this.message ? t(this.message.key, this.message.values) : ''}</p>
      ${this.conflict ? html`
        <div id="sessions-conflict" class="error" role="alert">
          <p>${t('sessions.conflict', this.conflict)}</p>
          <button id="sessions-reload" type="button" @click=${this.reload}>${t('sessions.reload')}</button>
        </div>` : ''}
      ${this.failed ? html`<button id="sessions-retry" type="button" @click=${this.load}>${t('sessions.retry')}</button>` : ''}
      ${this.total === null ? (this.loading ? html`<p>${t('sessions.loading')}</p>` : '') : this.list(t, methods)}`;
  }

  list(t, methods) {
    if (this.items.length === 0) {
      return html`<p id="sessions-empty">${t(this.month || this.method ? 'sessions.emptyFiltered' : 'sessions.empty')}</p>`;
    }
    return html`
      <p id="sessions-total">${this.plural('sessions.total', this.total)}</p>
      <ol class="sessions-list">
        ${this.items.map(s => this.card(t, methods, s))}
      </ol>
      ${this.items.length < this.total ? html`
        <button id="sessions-more" type="button" class="secondary" ?disabled=${this.loading} @click=${this.more}
          >${t('sessions.more', { n: this.number(this.items.length), total: this.number(this.total) })}</button>` : ''}`;
  }

  card(t, methods, s) {
    const changeable = this.mayChange(s);
    return html`
      <li id="session-${s.id}" class="session-card">
        <h2 id="title-${s.id}">${s.title}</h2>
        <p class="session-when"><time datetime=${s.startTime ? `${s.date}T${s.startTime}` : s.date}>${this.when(s)}</time></p>
        <p class="session-methods">${s.methods.map(code => label(methods, code)).join(' · ')}</p>
        <dl>
          <dt>${t('sessions.participants')}</dt><dd>${this.number(s.participantsTotal)}</dd>
          <dt>${t('sessions.duration')}</dt><dd>${this.duration(s.durationMinutes)}</dd>
          <dt>${t('sessions.loggedBy')}</dt><dd>${this.loggedBy(s)}</dd>
        </dl>
        ${changeable ? (this.confirming === s.id ? this.confirmStep(t, s) : html`
          <div class="session-actions">
            <a id="open-${s.id}" class="button-link" href="#/sessions/${s.id}" aria-describedby="title-${s.id}"
              >${t('sessions.open')}</a>
            <button id="delete-${s.id}" type="button" class="warning" aria-describedby="title-${s.id}"
              @click=${() => this.ask(s)}>${t('sessions.delete')}</button>
          </div>`) : ''}
      </li>`;
  }

  confirmStep(t, s) {
    return html`
      <div class="session-confirm" role="group" aria-labelledby="confirm-text-${s.id}">
        <p id="confirm-text-${s.id}">${t('sessions.confirm', { title: s.title })}</p>
        <div class="session-actions">
          <button id="confirm-delete-${s.id}" type="button" class="warning" ?disabled=${this.busy === s.id}
            @click=${() => this.deleteSession(s)}>${t('sessions.confirmDelete')}</button>
          <button id="cancel-delete-${s.id}" type="button" class="secondary" @click=${() => this.cancel(s)}
            >${t('sessions.cancel')}</button>
        </div>
      </div>`;
  }
}
customElements.define('logbook-sessions', Sessions);
