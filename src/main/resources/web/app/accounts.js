import { LitElement, html } from 'lit';
import { request } from './lib/api.js';
import { register } from './lib/i18n.js';
import en from './i18n/accounts/en.json';
import sl from './i18n/accounts/sl.json';
import bg from './i18n/accounts/bg.json';
import './accounts.css';

register({ en, sl, bg });

// The service's rule messages we say in the person's language; any other message is shown as the service wrote it.
const RULES = {
  'must be 10 to 200 characters': 'accounts.rule.password',
  'must be 3 to 100 characters': 'accounts.rule.usernameLength',
  'may hold letters, digits and . _ @ - only': 'accounts.rule.usernameCharacters',
  'must not be blank': 'accounts.rule.required',
  'must not be null': 'accounts.rule.required',
};

/**
 * For leads: the centre's accounts. Add a youth worker, reset a password, disable and enable again. The service
 * decides every rule; its refusals are shown at the field or the account they concern, and what was typed stays.
 */
export class Accounts extends LitElement {
  static properties = {
    t: { attribute: false }, lang: { attribute: false }, me: { attribute: false }, params: { attribute: false },
    accounts: { state: true }, loadFailed: { state: true }, status: { state: true }, busy: { state: true },
    addErrors: { state: true }, resetting: { state: true }, resetErrors: { state: true }, confirming: { state: true },
    messages: { state: true },
  };

  constructor() {
    super();
    this.addErrors = {};
    this.resetting = new Set();
    this.resetErrors = {};
    this.messages = {};
    this.status = null;
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    const answer = await request('GET', `/api/v1/users?organisationId=${this.me.organisationId}&size=500`);
    this.loadFailed = answer.ok ? null : this.failure(answer);
    if (answer.ok) this.accounts = answer.body.items;
  }

  /** The key of the message for an answer that is not 2xx and names no field. */
  failure(answer) {
    if (answer.status === 0) return 'accounts.offline';
    if (answer.status === 401) return 'accounts.expired';
    return 'accounts.failed';
  }

  message(violation) {
    const key = RULES[violation.message];
    return key ? this.t(key) : violation.message;
  }

  replace(account) {
    this.accounts = this.accounts.map(a => (a.id === account.id ? account : a));
  }

  async focus(selector) {
    await this.updateComplete;
    this.querySelector(selector)?.focus();
  }

  async add(event) {
    event.preventDefault();
    const form = event.target;
    const username = form.username.value.trim();
    this.busy = 'add';
    const answer = await request('POST', '/api/v1/users', {
      body: { username, password: form.password.value, role: 'YOUTH_WORKER', organisationId: this.me.organisationId },
    });
    this.busy = null;
    if (answer.ok) {
      form.reset();
      this.addErrors = {};
      this.status = this.t('accounts.added', { username: answer.body.username });
      await this.load();
      return;
    }
    const errors = {};
    if (answer.status === 400 && answer.body?.violations) {
      for (const v of answer.body.violations) {
        const field = v.field === 'username' || v.field === 'password' ? v.field : 'form';
        errors[field] = errors[field] ? `${errors[field]} ${this.message(v)}` : this.message(v);
      }
    } else if (answer.status === 409) {
      errors.username = this.t('accounts.taken');
    } else {
      errors.form = this.t(this.failure(answer));
    }
    this.addErrors = errors;
    this.focus(errors.username ? '#new-username' : errors.password ? '#new-password' : '#add-error');
  }

  toggleReset(account) {
    const open = new Set(this.resetting);
    if (open.has(account.id)) {
      open.delete(account.id);
    } else {
      open.add(account.id);
    }
    this.resetting = open;
    if (open.has(account.id)) this.focus(`#reset-password-${account.id}`);
  }

  async reset(event, account) {
    event.preventDefault();
    const input = event.target.password;
    this.busy = account.id;
    const answer = await request('PUT', `/api/v1/users/${account.id}/password`, {
      body: { password: input.value }, headers: { 'If-Match': `"${account.version}"` },
    });
    this.busy = null;
    const errors = { ...this.resetErrors };
    delete errors[account.id];
    if (answer.ok) {
      this.replace(answer.body);
      const open = new Set(this.resetting);
      open.delete(account.id);
      this.resetting = open;
      this.resetErrors = errors;
      this.say(account, this.t('accounts.resetDone', { username: account.username }));
      this.focus(`#reset-${account.id}`);
      return;
    }
    if (answer.status === 412) {
      this.resetErrors = errors;
      this.changedMeanwhile(account);
      return;
    }
    const violations = answer.status === 400 ? answer.body?.violations : null;
    errors[account.id] = violations?.length ? violations.map(v => this.message(v)).join(' ')
      : answer.status === 403 ? this.t('accounts.resetRefused') : this.t(this.failure(answer));
    this.resetErrors = errors;
    this.focus(`#reset-password-${account.id}`);
  }

  askDisable(account) {
    this.confirming = account.id;
    this.focus(`#disable-confirm-${account.id}`);
  }

  cancelDisable(account) {
    this.confirming = null;
    this.focus(`#disable-${account.id}`);
  }

  async setDisabled(account, disabled) {
    this.confirming = null;
    this.busy = account.id;
    const answer = await request('POST', `/api/v1/users/${account.id}/${disabled ? 'disable' : 'enable'}`, {
      headers: { 'If-Match': `"${account.version}"` },
    });
    this.busy = null;
    if (answer.ok) {
      this.replace(answer.body);
      this.say(account, this.t(disabled ? 'accounts.disabledDone' : 'accounts.enabledDone', { username: account.username }));
      this.focus(`#${disabled ? 'enable' : 'disable'}-${account.id}`);
    } else if (answer.status === 412) {
      this.changedMeanwhile(account);
    } else if (answer.status === 403 || answer.status === 409) {
      this.say(account, answer.body?.detail || this.t('accounts.failed'));
    } else {
      this.say(account, this.t(this.failure(answer)));
    }
  }

  async changedMeanwhile(account) {
    await this.load();
    this.say(account, this.t('accounts.changedMeanwhile', { username: account.username }));
  }

  /** A message at the account's row, repeated in the page's status for screen readers. */
  say(account, text) {
    this.messages = { ...this.messages, [account.id]: text };
    this.status = text;
  }

  render() {
    const t = this.t;
    return html`
      <h1>${t('accounts.heading')}</h1>
      <p id="accounts-status" class="accounts-status" role="status">${this.status ?? ''}</p>
      ${this.addForm()}
      <h2 id="accounts-list-heading">${t('accounts.listHeading')}</h2>
      ${this.loadFailed ? html`
        <p id="accounts-load-error" class="error" role="alert">${t(this.loadFailed)}</p>
        <button id="accounts-retry" type="button" @click=${this.load}>${t('accounts.retry')}</button>` : ''}
      ${this.accounts ? html`
        <ul id="accounts-list" class="accounts" aria-labelledby="accounts-list-heading">
          ${this.accounts.map(a => this.row(a))}
        </ul>` : this.loadFailed ? '' : html`<p>${t('accounts.loading')}</p>`}`;
  }

  addForm() {
    const t = this.t;
    const e = this.addErrors;
    return html`
      <form id="add-form" class="accounts-add" @submit=${this.add} novalidate aria-labelledby="add-heading">
        <h2 id="add-heading">${t('accounts.addHeading')}</h2>
        ${e.form ? html`<p id="add-error" class="error" role="alert" tabindex="-1">${e.form}</p>` : ''}
        ${this.textField('new-username', 'username', t('accounts.username'), t('accounts.usernameHint'), e.username)}
        ${this.textField('new-password', 'password', t('accounts.initialPassword'), t('accounts.passwordHint'), e.password)}
        <button id="add-account" type="submit" ?disabled=${this.busy === 'add'}>${t('accounts.add')}</button>
      </form>`;
  }

  /** A labelled text field with its hint and, when refused, its message, both read out with it. */
  textField(id, name, label, hint, error) {
    return html`
      <label for=${id}>${label}</label>
      <p id="${id}-hint" class="hint">${hint}</p>
      ${error ? html`<p id="${id}-error" class="field-error">${error}</p>` : ''}
      <input id=${id} name=${name} autocomplete="off" autocapitalize="none" spellcheck="false"
             aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-hint ${id}-error` : `${id}-hint`}>`;
  }

  row(a) {
    const t = this.t;
    const own = a.id === this.me.id;
    const since = a.disabledAt
      ? new Intl.DateTimeFormat(this.lang === 'en' ? 'en-GB' : this.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(a.disabledAt)) : null;
    return html`
      <li id="account-${a.id}" class="account ${a.disabled ? 'is-disabled' : ''}">
        <h3 id="name-${a.id}" class="account-name">${a.username}</h3>
        <p class="account-role">${t('role.' + a.role)}${own ? html` · <strong>${t('accounts.you')}</strong>` : ''}</p>
        <p id="state-${a.id}" class="account-state">
          ${a.disabled ? t('accounts.disabledSince', { date: since }) : t('accounts.active')}</p>
        ${own ? html`<p class="hint">${t('accounts.ownHint')}</p>` : this.actions(a)}
        ${this.messages[a.id] ? html`<p id="message-${a.id}" class="notice">${this.messages[a.id]}</p>` : ''}
      </li>`;
  }

  actions(a) {
    const t = this.t;
    const open = this.resetting.has(a.id);
    const busy = this.busy === a.id;
    const error = this.resetErrors[a.id];
    const field = `reset-password-${a.id}`;
    return html`
      <div class="account-actions">
        <button id="reset-${a.id}" type="button" class="secondary" aria-expanded=${open ? 'true' : 'false'}
                aria-describedby="name-${a.id}" @click=${() => this.toggleReset(a)}>${t('accounts.reset')}</button>
        ${a.disabled
          ? html`<button id="enable-${a.id}" type="button" class="secondary" aria-describedby="name-${a.id}"
                         ?disabled=${busy} @click=${() => this.setDisabled(a, false)}>${t('accounts.enable')}</button>`
          : html`<button id="disable-${a.id}" type="button" class="warning" aria-describedby="name-${a.id}"
                         ?disabled=${busy || this.confirming === a.id} @click=${() => this.askDisable(a)}>${t('accounts.disable')}</button>`}
      </div>
      ${this.confirming === a.id ? html`
        <div class="account-confirm" role="group" aria-labelledby="confirm-${a.id}">
          <p id="confirm-${a.id}">${t('accounts.confirmDisable', { username: a.username })}</p>
          <button id="disable-confirm-${a.id}" type="button" class="warning" @click=${() => this.setDisabled(a, true)}>
            ${t('accounts.confirmYes')}</button>
          <button id="disable-cancel-${a.id}" type="button" class="secondary" @click=${() => this.cancelDisable(a)}>
            ${t('accounts.cancel')}</button>
        </div>` : ''}
      ${open ? html`
        <form class="account-reset" @submit=${(e) => this.reset(e, a)} novalidate>
          <label for=${field}>${t('accounts.newPassword', { username: a.username })}</label>
          ${error ? html`<p id="${field}-error" class="field-error">${error}</p>` : ''}
          <input id=${field} name="password" autocomplete="off" autocapitalize="none" spellcheck="false"
                 aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${field}-error` : ''}>
          <button id="reset-submit-${a.id}" type="submit" ?disabled=${busy}>${t('accounts.resetSubmit')}</button>
        </form>` : ''}`;
  }
}
customElements.define('logbook-accounts', Accounts);
