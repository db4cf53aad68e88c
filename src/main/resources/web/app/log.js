import { LitElement, html } from 'lit';
import { live } from 'lit/directives/live.js';
import { request } from './lib/api.js';
import { codeLists } from './lib/codes.js';
import { register } from './lib/i18n.js';
import { queued, submit } from './lib/outbox.js';
import {
  MORE, cellId, defaultsOf, formOf, freshForm, placeViolations, remember, rememberedDefaults, sessionOf, today, total,
} from './log-session.js';
import en from './i18n/log/en.json';
import sl from './i18n/log/sl.json';
import bg from './i18n/log/bg.json';
import './log.css';

register({ en, sl, bg });

/** Reference data without personal data, kept on the device so the form opens offline too. */
async function cached(key, path) {
  const answer = await request('GET', path);
  if (answer.ok) {
    localStorage.setItem(key, JSON.stringify(answer.body));
    return answer.body;
  }
  const kept = localStorage.getItem(key);
  return kept ? JSON.parse(kept) : null;
}

/**
 * Logs a new session (through the outbox, so it is queued without a connection), corrects a queued one the server
 * refused (`#/log?queued=<id>`), or corrects a stored one (`.sessionId`, with If-Match). Whatever goes wrong, the
 * form keeps what was typed: a refusal shows each message at its field; an expired sign-in opens the sign-in form
 * over this page, and the person presses Save again once signed in.
 */
export class Log extends LitElement {
  static properties = {
    sessionId: { attribute: false },
    t: { attribute: false }, lang: { attribute: false }, me: { attribute: false }, params: { attribute: false },
    f: { state: true }, codes: { state: true }, municipalities: { state: true }, errors: { state: true },
    formError: { state: true }, notice: { state: true }, saved: { state: true }, conflict: { state: true },
    busy: { state: true }, moreOpen: { state: true }, failure: { state: true },
  };

  constructor() {
    super();
    this.errors = { byField: {}, unplaced: [] };
    this.cells = [];
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('signed-in', this.signedInAgain);
  }

  disconnectedCallback() {
    window.removeEventListener('signed-in', this.signedInAgain);
    super.disconnectedCallback();
  }

  /** A session to correct that could not load because the sign-in had expired loads once signed in again. */
  signedInAgain = () => {
    if (this.me && !this.f && !this.failure) this.open();
  };

  get mode() {
    if (this.sessionId) return 'correct';
    return this.params && this.params.get('queued') ? 'queued' : 'new';
  }

  willUpdate(changed) {
    if (changed.has('lang') && this.lang) codeLists(this.lang).then(codes => { if (codes) this.codes = codes; });
    const key = this.sessionId ? 's:' + this.sessionId : 'q:' + (this.params?.get('queued') || '');
    if (this.me && key !== this.loadedKey) {
      this.loadedKey = key;
      this.open();
    }
  }

  async open() {
    const opening = (this.opening = {});
    this.f = null;
    this.failure = null;
    this.clearMessages();
    const organisation = await cached('logbook.organisation.' + this.me.organisationId,
      `/api/v1/organisations/${this.me.organisationId}`);
    this.organisationMunicipality = organisation?.municipalityCode || '';
    const country = organisation?.country || 'SI';
    const places = await cached('logbook.municipalities.' + country, `/api/v1/municipalities?country=${country}&size=500`);
    this.municipalities = (places?.items || []).sort((a, b) => a.name.localeCompare(b.name, this.lang));
    this.codes ||= await codeLists(this.lang);
    if (opening !== this.opening) return; // another page of the form was opened meanwhile
    if (!this.codes) {
      this.failure = 'log.noCodes';
      return;
    }
    if (this.mode === 'correct') await this.loadStored();
    else if (this.mode === 'queued') await this.loadQueued();
    else {
      const kept = await this.lastChoices();
      if (opening !== this.opening) return;
      this.kept = kept;
      this.fresh();
    }
  }

  /** What this person chose last time: remembered on this device, else their newest session on the server. */
  async lastChoices() {
    const kept = rememberedDefaults(this.me.id);
    if (kept) return kept;
    const answer = await request('GET', `/api/v1/sessions?organisationId=${this.me.organisationId}&size=100`);
    const mine = answer.ok ? (answer.body.items || []).find(s => s.loggedBy === this.me.id) : null;
    return mine ? defaultsOf(mine) : {};
  }

  fresh() {
    this.f = freshForm({ municipalityCode: this.organisationMunicipality, ...this.kept });
    this.errors = { byField: {}, unplaced: [] };
    this.moreOpen = false;
  }

  async loadStored() {
    const answer = await request('GET', `/api/v1/sessions/${encodeURIComponent(this.sessionId)}`);
    if (answer.ok) {
      this.stored = answer.body;
      this.etag = answer.etag;
      this.f = formOf(answer.body);
      this.errors = { byField: {}, unplaced: [] };
    } else if (answer.status !== 401) {
      this.failure = answer.status === 0 ? 'log.offlineLoad' : 'log.notFound';
    }
  }

  async loadQueued() {
    const item = await queued(this.params.get('queued'));
    if (!item) {
      this.failure = 'log.notQueued';
      return;
    }
    this.f = formOf(item.session);
    const { cells } = sessionOf(this.f, this.codes.ageBands, this.codes.genders);
    this.cells = cells;
    if (item.problem) this.refused(item.problem, false);
  }

  clearMessages() {
    this.formError = null;
    this.notice = null;
    this.saved = null;
    this.conflict = false;
  }

  set(field, value) {
    this.f = { ...this.f, [field]: value };
  }

  toggle(field, code, on) {
    const codes = this.f[field].filter(c => c !== code);
    this.set(field, on ? [...codes, code] : codes);
  }

  setCount(id, value) {
    this.set('counts', { ...this.f.counts, [id]: value });
  }

  step(id, by) {
    const n = Math.max(0, (Number(this.f.counts[id]) || 0) + by);
    this.setCount(id, n ? String(n) : '');
  }

  async save(event) {
    event.preventDefault();
    if (this.busy) return;
    this.clearMessages();
    const { session, cells } = sessionOf(this.f, this.codes.ageBands, this.codes.genders);
    this.cells = cells;
    this.busy = true;
    try {
      if (this.mode === 'correct') await this.saveCorrection(session);
      else await this.saveNew(session);
    } finally {
      this.busy = false;
    }
  }

  async saveNew(session) {
    const result = await submit(session);
    if (result.state === 'stored' || result.state === 'queued') {
      const kept = (result.state === 'stored' && result.session) || session;
      remember(this.me.id, kept);
      this.kept = defaultsOf(kept);
      if (result.state === 'stored') {
        this.saved = { title: session.title, n: total(this.f, this.codes.ageBands, this.codes.genders) };
      } else {
        this.notice = 'log.queued';
      }
      if (this.mode === 'queued') {
        // On to a new session, keeping the confirmation: the form is the new-session one from now, not from when
        // the shell passes the new route down, which would open it afresh and clear the message.
        this.params = new URLSearchParams();
        this.loadedKey = 'q:';
        location.hash = '#/log';
      }
      this.fresh();
      window.scrollTo(0, 0);
    } else if (result.state === 'expired') {
      this.notice = 'log.expired';
    } else {
      await this.refused(result.problem);
    }
  }

  async saveCorrection(session) {
    const answer = await request('PUT', `/api/v1/sessions/${encodeURIComponent(this.sessionId)}`, {
      body: { ...session, organisationId: this.stored.organisationId }, headers: { 'If-Match': this.etag },
    });
    if (answer.ok) {
      location.hash = '#/sessions';
    } else if (answer.status === 412) {
      this.conflict = true;
      await this.updateComplete;
      this.querySelector('#conflict')?.focus();
    } else if (answer.status === 401) {
      this.notice = 'log.expired';
    } else if (answer.status === 403 || answer.status === 404) {
      await this.showFormError(this.t('log.forbidden'));
    } else if (answer.status === 0) {
      await this.showFormError(this.t('log.offlineCorrection'));
    } else {
      await this.refused(answer.body);
    }
  }

  async reload() {
    this.clearMessages();
    await this.loadStored();
    await this.updateComplete;
    this.querySelector('#title')?.focus();
  }

  /** Shows each violation at its field and a summary at the top; the form keeps every value. */
  async refused(problem, focus = true) {
    this.errors = placeViolations(problem, this.cells);
    if (Object.keys(this.errors.byField).some(id => MORE.includes(id))) this.moreOpen = true;
    const violations = (problem && problem.violations) || [];
    this.formError = violations.length ? this.t('log.refused')
      : [this.t('log.refused'), problem?.detail || problem?.title].filter(Boolean).join(' ');
    if (focus) {
      await this.updateComplete;
      this.querySelector('#form-error')?.focus();
    }
  }

  /** From the summary to the field: its input, or a group's first choice. */
  focusField(id) {
    const target = this.querySelector('#' + CSS.escape(id));
    (target?.matches('fieldset') ? target.querySelector('input') : target)?.focus();
  }

  async showFormError(text) {
    this.formError = text;
    this.errors = { byField: {}, unplaced: [] };
    await this.updateComplete;
    this.querySelector('#form-error')?.focus();
  }

  /** The message for a violation in the person's language; the server's own words where we have none. */
  message(id, violation) {
    const key = 'log.invalid.' + (id.startsWith('count-') ? 'count' : id);
    const text = this.t(key, { n: total(this.f, this.codes.ageBands, this.codes.genders), name: this.cellName(id) });
    return text === key ? violation.message : text;
  }

  cellName(id) {
    for (const a of this.codes.ageBands) {
      for (const g of this.codes.genders) if (cellId(a.code, g.code) === id) return `${a.label}, ${g.label}`;
    }
    return '';
  }

  error(id) {
    const violations = this.errors.byField[id];
    if (!violations) return '';
    return html`<p id="${id}-error" class="field-error">${violations.map(v => this.message(id, v)).join(' ')}</p>`;
  }

  /** The attributes that tie a field to its message. */
  invalid(id) {
    return this.errors.byField[id] ? 'true' : 'false';
  }

  describedBy(id, hint) {
    return [hint, this.errors.byField[id] ? id + '-error' : null].filter(Boolean).join(' ');
  }

  heading() {
    return this.t(this.mode === 'correct' ? 'log.headingCorrect' : this.mode === 'queued' ? 'log.headingQueued' : 'log.heading');
  }

  render() {
    const t = this.t;
    return html`
      <h1 id="log-heading">${this.heading()}</h1>
      ${this.saved ? html`<p id="saved" class="confirmation" role="status">${t('log.saved', this.saved)}</p>` : ''}
      ${this.notice === 'log.queued' ? html`<p id="queued" class="notice" role="status">${t('log.queued')}</p>` : ''}
      ${this.notice === 'log.expired' ? html`<p id="expired-notice" class="notice" role="status">${t('log.expired')}</p>` : ''}
      ${this.failure ? html`<p id="form-error" class="error" role="alert">${t(this.failure)}</p>` : ''}
      ${!this.f || this.failure ? (this.failure ? '' : html`<p role="status">${t('log.loading')}</p>`) : this.form(t)}`;
  }

  form(t) {
    const f = this.f;
    const { ageBands, genders, methods, themes, settings } = this.codes;
    return html`
      ${this.formError ? html`
        <div id="form-error" class="error-summary" role="alert" tabindex="-1">
          <p>${this.formError}</p>
          <ul>
            ${Object.entries(this.errors.byField).map(([id, violations]) => html`
              <li><button type="button" class="link" @click=${() => this.focusField(id)}>
                ${violations.map(v => this.message(id, v)).join(' ')}</button></li>`)}
            ${this.errors.unplaced.map(v => html`<li>${v.message}</li>`)}
          </ul>
        </div>` : ''}
      ${this.conflict ? html`
        <div id="conflict" class="error-summary" role="alert" tabindex="-1">
          <p>${t('log.conflict')}</p>
          <button id="reload" type="button" @click=${this.reload}>${t('log.reload')}</button>
        </div>` : ''}
      <form id="log-form" @submit=${this.save} novalidate>
        <label for="title">${t('log.title')}</label>
        ${this.error('title')}
        <input id="title" maxlength="200" autocomplete="off" .value=${live(f.title)}
               aria-invalid=${this.invalid('title')} aria-describedby=${this.describedBy('title')}
               @input=${e => this.set('title', e.target.value)}>

        <div class="pair">
          <div>
            <label for="date">${t('log.date')}</label>
            ${this.error('date')}
            <input id="date" type="date" min="2000-01-01" max=${today()} .value=${live(f.date)}
                   aria-invalid=${this.invalid('date')} aria-describedby=${this.describedBy('date')}
                   @input=${e => this.set('date', e.target.value)}>
          </div>
          <div>
            <label for="start-time">${t('log.startTime')}</label>
            ${this.error('start-time')}
            <input id="start-time" type="time" .value=${live(f.startTime)}
                   aria-invalid=${this.invalid('start-time')} aria-describedby=${this.describedBy('start-time')}
                   @input=${e => this.set('startTime', e.target.value)}>
          </div>
        </div>
        ${this.number('duration', 'durationMinutes', 'log.duration', { min: 1, max: 1440 })}

        ${this.grid(t, ageBands, genders)}

        ${this.toggles('methods', 'method', methods, t('log.methods'))}
        ${this.toggles('themes', 'theme', themes, t('log.themes'))}
        <fieldset id="setting" class="choices" aria-describedby=${this.describedBy('setting')}>
          <legend>${t('log.setting')}</legend>
          ${this.error('setting')}
          <div class="toggles">
            ${settings.map(s => html`
              <label class="toggle" for="setting-${s.code}">
                <input type="radio" name="setting" id="setting-${s.code}" .checked=${live(f.setting === s.code)}
                       @change=${() => this.set('setting', s.code)}>
                <span>${s.label}</span>
              </label>`)}
          </div>
        </fieldset>

        <details class="more" ?open=${this.moreOpen} @toggle=${e => { this.moreOpen = e.target.open; }}>
          <summary id="more">${t('log.more')}</summary>
          <label for="municipality">${t('log.municipality')}</label>
          ${this.error('municipality')}
          <select id="municipality" aria-invalid=${this.invalid('municipality')}
                  aria-describedby=${this.describedBy('municipality')}
                  @change=${e => this.set('municipalityCode', e.target.value)}>
            ${f.municipalityCode && !this.municipalities.some(m => m.code === f.municipalityCode)
              ? html`<option value=${f.municipalityCode} selected>${f.municipalityCode}</option>` : ''}
            ${this.municipalities.map(m => html`
              <option value=${m.code} ?selected=${m.code === f.municipalityCode}>${m.name}</option>`)}
          </select>
          ${this.number('youth-workers', 'youthWorkers', 'log.youthWorkers', { min: 1, max: 1000 })}
          ${this.number('volunteers', 'volunteers', 'log.volunteers', { min: 0, max: 1000 })}
          ${this.number('first-time', 'firstTimeParticipants', 'log.firstTime', { min: 0 })}
          ${this.number('unorganised', 'unorganisedYouth', 'log.unorganised', { min: 0, hint: 'log.unorganisedHint' })}
          ${this.number('fewer-opportunities', 'fewerOpportunities', 'log.fewerOpportunities', { min: 0 })}
          ${this.flag('estimated', 'participantsEstimated', 'log.estimated')}
          ${this.flag('youth-led', 'youthLed', 'log.youthLed')}
          ${this.number('young-leaders', 'youngLeaders', 'log.youngLeaders', { min: 0, max: 1000 })}
          <label for="notes">${t('log.notes')}</label>
          ${this.error('notes')}
          <textarea id="notes" rows="4" maxlength="4000" .value=${live(f.notes)}
                    aria-invalid=${this.invalid('notes')} aria-describedby=${this.describedBy('notes')}
                    @input=${e => this.set('notes', e.target.value)}></textarea>
        </details>

        <button id="save" type="submit" ?disabled=${this.busy}>
          ${this.busy ? t('log.saving') : this.mode === 'correct' ? t('log.saveCorrection') : t('log.save')}</button>
      </form>`;
  }

  number(id, field, labelKey, { min, max, hint }) {
    return html`
      <label for=${id}>${this.t(labelKey)}</label>
      ${hint ? html`<p id="${id}-hint" class="hint">${this.t(hint)}</p>` : ''}
      ${this.error(id)}
      <input id=${id} type="number" inputmode="numeric" min=${min} max=${max ?? ''} class="short"
             .value=${live(this.f[field])} aria-invalid=${this.invalid(id)}
             aria-describedby=${this.describedBy(id, hint ? id + '-hint' : null)}
             @input=${e => this.set(field, e.target.value)}>`;
  }

  flag(id, field, labelKey) {
    return html`
      <label class="toggle single" for=${id}>
        <input type="checkbox" id=${id} .checked=${live(this.f[field])} @change=${e => this.set(field, e.target.checked)}>
        <span>${this.t(labelKey)}</span>
      </label>`;
  }

  toggles(group, prefix, codes, legend) {
    return html`
      <fieldset id=${group} class="choices" aria-describedby=${this.describedBy(group)}>
        <legend>${legend}</legend>
        ${this.error(group)}
        <div class="toggles">
          ${codes.map(c => html`
            <label class="toggle" for="${prefix}-${c.code}">
              <input type="checkbox" id="${prefix}-${c.code}" .checked=${live(this.f[group].includes(c.code))}
                     @change=${e => this.toggle(group, c.code, e.target.checked)}>
              <span>${c.label}</span>
            </label>`)}
        </div>
      </fieldset>`;
  }

  grid(t, ageBands, genders) {
    const cellErrors = ageBands.flatMap(a => genders.map(g => cellId(a.code, g.code)))
      .filter(id => this.errors.byField[id]);
    return html`
      <fieldset id="participants" class="participants" aria-describedby=${this.describedBy('participants')}>
        <legend>${t('log.participants')}</legend>
        ${this.error('participants')}
        <div class="grid" style="--columns: ${genders.length}">
          ${genders.map(g => html`<span class="gender" aria-hidden="true">${g.label}</span>`)}
          ${ageBands.map(a => html`
            <span class="band" aria-hidden="true">${a.label}</span>
            ${genders.map(g => this.cell(t, a, g))}`)}
        </div>
        ${cellErrors.map(id => this.error(id))}
        <p class="total">
          <span id="participants-total-label">${t('log.total')}</span>
          <output id="participants-total" aria-labelledby="participants-total-label">${total(this.f, ageBands, genders)}</output>
        </p>
      </fieldset>`;
  }

  cell(t, a, g) {
    const id = cellId(a.code, g.code);
    const name = this.cellName(id);
    return html`
      <div class="cell">
        <input id=${id} type="number" inputmode="numeric" min="0" max="10000" placeholder="0"
               aria-label=${name} .value=${live(this.f.counts[id] || '')}
               aria-invalid=${this.invalid(id)} aria-describedby=${this.describedBy(id)}
               @focus=${e => e.target.select()} @input=${e => this.setCount(id, e.target.value)}>
        <div class="steps">
          <button id="${id}-minus" type="button" aria-label=${t('log.fewer', { name })}
                  @click=${() => this.step(id, -1)}>−</button>
          <button id="${id}-plus" type="button" aria-label=${t('log.moreOne', { name })}
                  @click=${() => this.step(id, 1)}>+</button>
        </div>
      </div>`;
  }
}
customElements.define('logbook-log', Log);
