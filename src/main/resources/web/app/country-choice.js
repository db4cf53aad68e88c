import { html } from 'lit';
import { request } from './lib/api.js';

// An administrator's choice of country, on the country page and on indicator 2.2.3's page.

/** For an administrator, once: the countries to choose from into host.countries (empty until they come). */
export function loadCountries(host) {
  if (host.me?.role === 'ADMIN' && !host.countries) {
    host.countries = [];
    request('GET', '/api/v1/countries?size=500').then(answer => { if (answer.ok) host.countries = answer.body.items; });
  }
}

/** The field choosing a country (the form's `country`), the chosen one selected. */
export function countryField({ id, label, countries, chosen, className = 'area-field' }) {
  return html`
    <div class=${className}>
      <label for=${id}>${label}</label>
      <select id=${id} name="country">
        ${countries.map(c => html`<option value=${c.code} ?selected=${c.code === chosen}>${c.name}</option>`)}
      </select>
    </div>`;
}
