import { LitElement, html } from 'lit';
import { get } from './lib/api.js';

/** Who is signed in: username, role, organisation; and a way out. */
export class Home extends LitElement {
  static properties = { t: { attribute: false }, me: { state: true }, organisation: { state: true } };

  createRenderRoot() {
    return this;
  }

  async connectedCallback() {
    super.connectedCallback();
    try {
      this.me = await get('/api/v1/users/me');
      if (this.me.organisationId) {
        this.organisation = await get(`/api/v1/organisations/${this.me.organisationId}`).then(o => o.name, () => this.me.organisationId);
      }
    } catch (e) {
      this.dispatchEvent(new CustomEvent('signed-out', { bubbles: true }));
    }
  }

  signOut() {
    this.dispatchEvent(new CustomEvent('signed-out', { bubbles: true }));
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
        </dl>` : ''}
      <button id="sign-out" type="button" @click=${this.signOut}>${t('home.signOut')}</button>`;
  }
}
customElements.define('logbook-home', Home);
