import { LitElement, html } from 'lit';
import { register } from './lib/i18n.js';
import en from './i18n/log/en.json';
import sl from './i18n/log/sl.json';
import bg from './i18n/log/bg.json';

register({ en, sl, bg });

export class Log extends LitElement {
  static properties = {
    sessionId: { attribute: false },
    t: { attribute: false }, lang: { attribute: false }, me: { attribute: false }, params: { attribute: false },
  };

  createRenderRoot() {
    return this;
  }

  render() {
    return html`<h1>${this.t('log.heading')}</h1>`;
  }
}
customElements.define('logbook-log', Log);
