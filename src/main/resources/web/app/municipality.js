import { LitElement, html } from 'lit';

/** To be built (issue 12). */
export class Municipality extends LitElement {
  static properties = { t: { attribute: false }, lang: { attribute: false }, me: { attribute: false }, params: { attribute: false } };

  createRenderRoot() {
    return this;
  }

  render() {
    return html`<h1>${this.t('nav.areas')}</h1>`;
  }
}
customElements.define('logbook-municipality', Municipality);
