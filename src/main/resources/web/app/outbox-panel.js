import { LitElement, html } from 'lit';

/** Sessions saved on this device and not yet stored: waiting for a connection, or refused with the reason. */
export class OutboxPanel extends LitElement {
  static properties = { t: { attribute: false }, lang: { attribute: false } };

  createRenderRoot() {
    return this;
  }

  render() {
    return html``;
  }
}
customElements.define('logbook-outbox-panel', OutboxPanel);
