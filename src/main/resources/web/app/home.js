import { LitElement, html } from 'lit';
import { get } from './lib/api.js';

/** Who is signed in: username, role, organisation. */
export class Home extends LitElement {
  static properties = { t: { attribute: false }, me: { attribute: false }, organisation: { state: true } };

  createRenderRoot() {
    return this;
  }

  async updated(changed) {
    if (changed.has('me') && this.me?.organisationId) {
      this.organisation = await get(`/api/v1/organisations/${this.me.organisationId}`).then(o => o.name, () => this.me.organisationId);
    }
  }

  render() {
    const t = this.t;
    const me = this.me;
    return html`
      <h1>${t('home.heading')}</h1>
      ${me ? html`
        <dl id="me">
          <dt>${t('home.username')}</dt><dd id="me-username">${me.username}</dd>
          <dt>${t('home.role')}</dt><dd id="me-role">${t('role.' + me.role)}</dd>
          <dt>${t('home.organisation')}</dt><dd id="me-organisation">${this.organisation ?? t('home.none')}</dd>
        </dl>` : ''}`;
  }
}
customElements.define('logbook-home', Home);
