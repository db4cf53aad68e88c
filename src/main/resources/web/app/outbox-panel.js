import { LitElement, html } from 'lit';
import { register } from './lib/i18n.js';
import { CHANGED, all, discard, startSending } from './lib/outbox.js';
import { keepAppShell } from './lib/offline.js';
import en from './i18n/outbox/en.json';
import sl from './i18n/outbox/sl.json';
import bg from './i18n/outbox/bg.json';
import './outbox-panel.css';

register({ en, sl, bg });
keepAppShell();

/** The server's reason, as it words it: the messages of the violations, else the problem's detail or title. */
function reason(problem) {
  const messages = (problem?.violations || []).map(v => v.message).filter(Boolean);
  return messages.length ? messages.join(' ') : problem?.detail || problem?.title || '';
}

/** Sessions saved on this device and not yet stored: waiting for a connection, or refused with the reason. */
export class OutboxPanel extends LitElement {
  static properties = {
    t: { attribute: false }, lang: { attribute: false }, items: { state: true }, discarding: { state: true },
  };

  constructor() {
    super();
    this.items = [];
    this.load = () => all().then((items) => { this.items = items; });
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener(CHANGED, this.load);
    this.load();
    startSending();
  }

  disconnectedCallback() {
    window.removeEventListener(CHANGED, this.load);
    super.disconnectedCallback();
  }

  count() {
    const n = this.items.length;
    const form = new Intl.PluralRules(this.lang).select(n);
    const key = `outbox.count.${form}`;
    return this.t(this.t(key) === key ? 'outbox.count.other' : key, { n });
  }

  date(iso) {
    return iso ? new Intl.DateTimeFormat(this.lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)) : '';
  }

  async discard(id) {
    this.discarding = null;
    await discard(id);
  }

  render() {
    if (!this.items.length) return html``;
    const t = this.t;
    return html`
      <section id="outbox" class="outbox" aria-labelledby="outbox-count">
        <h2 id="outbox-count">${this.count()}</h2>
        <ul>
          ${this.items.map(item => html`
            <li id="outbox-${item.id}" class=${item.state}>
              <span class="title">${item.session.title}</span>
              <span class="date">${this.date(item.session.date)}</span>
              ${item.state === 'refused'
                ? html`<span class="state">${t('outbox.refused', { message: reason(item.problem) || t('outbox.noReason') })}</span>
                  ${this.discarding === item.id ? html`
                    <span class="confirm" role="group" aria-labelledby="outbox-${item.id}-confirm">
                      <span id="outbox-${item.id}-confirm">${t('outbox.discardQuestion')}</span>
                      <button id="outbox-${item.id}-discard-yes" type="button" class="warning"
                        @click=${() => this.discard(item.id)}>${t('outbox.discardYes')}</button>
                      <button id="outbox-${item.id}-discard-no" type="button" class="secondary"
                        @click=${() => { this.discarding = null; }}>${t('outbox.discardNo')}</button>
                    </span>` : html`
                    <span class="actions">
                      <a id="outbox-${item.id}-correct" href="#/log?queued=${item.id}">${t('outbox.correct')}</a>
                      <button id="outbox-${item.id}-discard" type="button" class="link"
                        @click=${() => { this.discarding = item.id; }}>${t('outbox.discard')}</button>
                    </span>`}`
                : html`<span class="state">${t('outbox.waiting')}</span>`}
            </li>`)}
        </ul>
      </section>`;
  }
}
customElements.define('logbook-outbox-panel', OutboxPanel);
