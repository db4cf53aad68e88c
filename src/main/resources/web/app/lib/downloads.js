import { LitElement, html } from 'lit';
import { download } from './api.js';
import { register } from './i18n.js';
import en from '../i18n/downloads/en.json';
import sl from '../i18n/downloads/sl.json';
import bg from '../i18n/downloads/bg.json';
import './downloads.css';

register({ en, sl, bg });

const FORMATS = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/**
 * Downloads of what the page shows: a spreadsheet or a CSV in the person's language (and, for CSV, its separators),
 * exact or for publication, with small counts of young people withheld. `path` is the API path of the page's overview
 * with its period, e.g. /api/v1/overviews/municipalities/SI-133?from=2026-01-01&to=2026-12-02; `publishable` false
 * leaves the publication choice out (the annual analysis has no published view).
 */
export class Downloads extends LitElement {
  static properties = {
    path: { attribute: false }, t: { attribute: false }, lang: { attribute: false },
    heading: { attribute: false }, publishable: { attribute: false },
    publication: { state: true }, busy: { state: true }, failed: { state: true },
  };

  constructor() {
    super();
    this.publication = false;
    this.publishable = true;
  }

  createRenderRoot() {
    return this;
  }

  async fetch(format) {
    this.busy = format;
    this.failed = null;
    const published = this.publishable && this.publication;
    const path = published ? this.path + (this.path.includes('?') ? '&' : '?') + 'publication=true' : this.path;
    const status = await download(path, FORMATS[format], this.lang);
    this.busy = null;
    if (status < 200 || status >= 300) this.failed = status === 0 ? 'downloads.offline' : 'downloads.failed';
  }

  render() {
    const t = this.t;
    return html`
      <section class="downloads" aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">${this.heading || t('downloads.heading')}</h2>
        ${this.publishable ? html`
          <label class="downloads-publication">
            <input id="downloads-publication" type="checkbox" aria-describedby="downloads-publication-hint"
                   .checked=${this.publication} @change=${e => { this.publication = e.target.checked; }}>
            ${t('downloads.publication')}
          </label>
          <p class="hint" id="downloads-publication-hint">${t('downloads.publicationHint')}</p>` : ''}
        <button id="download-xlsx" type="button" ?disabled=${this.busy} @click=${() => this.fetch('xlsx')}>${t('downloads.xlsx')}</button>
        <button id="download-csv" type="button" ?disabled=${this.busy} @click=${() => this.fetch('csv')}>${t('downloads.csv')}</button>
        ${this.failed ? html`<p id="downloads-error" class="error" role="alert">${t(this.failed)}</p>` : ''}
      </section>`;
  }
}
customElements.define('logbook-downloads', Downloads);
