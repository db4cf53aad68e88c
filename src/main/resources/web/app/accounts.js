import { LitElement, html } from 'lit';
import { register } from './lib/i18n.js';
import en from './i18n/accounts/en.json';
import sl from './i18n/accounts/sl.json';
import bg from './i18n/accounts/bg.json';

register({ en, sl, bg });

export class Accounts extends LitElement {
  static properties = {
    t: { attribute: false }, lang: { attribute: false }, me: { attribute: false }, params: { attribute: false },
  };

  createRenderRoot() {
    return this;
  }

  render() {
    return html`<h1>${this.t('accounts.heading')}</h1>`;
  }
}
customElements.define('logbook-accounts', Accounts);
