import { LitElement, html } from 'lit';
import { signedIn, signOut } from './lib/api.js';
import { LANGUAGES, chooseLanguage, initialLanguage, translator } from './lib/i18n.js';
import './sign-in.js';
import './home.js';

/** The shell: the language switch, then the sign-in form or the home. */
export class LogbookApp extends LitElement {
  static properties = { lang: { state: true }, signedIn: { state: true } };

  constructor() {
    super();
    this.lang = initialLanguage();
    chooseLanguage(this.lang);
    this.signedIn = signedIn();
  }

  createRenderRoot() {
    return this;
  }

  language(event) {
    this.lang = event.target.value;
    chooseLanguage(this.lang);
  }

  render() {
    const t = translator(this.lang);
    document.title = t('app.title');
    return html`
      <header>
        <span class="brand">${t('app.title')}</span>
        <label class="language">${t('language')}
          <select id="language" @change=${this.language}>
            ${Object.entries(LANGUAGES).map(([code, name]) =>
              html`<option value=${code} lang=${code} ?selected=${code === this.lang}>${name}</option>`)}
          </select>
        </label>
      </header>
      <main>
        ${this.signedIn
          ? html`<logbook-home .t=${t} @signed-out=${() => { signOut(); this.signedIn = false; }}></logbook-home>`
          : html`<logbook-sign-in .t=${t} @signed-in=${() => { this.signedIn = true; }}></logbook-sign-in>`}
      </main>`;
  }
}
customElements.define('logbook-app', LogbookApp);
