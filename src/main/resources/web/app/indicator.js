import { LitElement, html } from 'lit';
import { request } from './lib/api.js';
import { register } from './lib/i18n.js';
import { countryField, loadCountries } from './country-choice.js';
import './lib/downloads.js';
import en from './i18n/area/en.json';
import sl from './i18n/area/sl.json';
import bg from './i18n/area/bg.json';
import './area.css';

register({ en, sl, bg });

const LOCALES = { en: 'en-GB' };
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/**
 * Indicator 2.2.3 of the network's strategy for a country and a year: its value and counts (the country overview's
 * indicator223), a grid of member organisation × month (GET /reports/months-recorded) and the members not recording
 * regularly. A coordinator sees its own country; an administrator chooses one (hash parameter `country`).
 */
export class Indicator extends LitElement {
  static properties = {
    t: { attribute: false }, lang: { attribute: false }, me: { attribute: false }, params: { attribute: false },
    indicator: { state: true }, members: { state: true }, failed: { state: true }, countries: { state: true },
  };

  createRenderRoot() {
    return this;
  }

  get country() {
    if (this.me?.role === 'NETWORK_COORDINATOR') return this.me.country;
    return this.params?.get('country') || this.me?.country || 'SI';
  }

  get year() {
    const asked = Number(this.params?.get('year'));
    return Number.isInteger(asked) && asked >= 2000 && asked <= 9999 ? asked : new Date().getFullYear();
  }

  updated() {
    const key = `${this.country}/${this.year}`;
    if (key !== this.loaded) {
      this.loaded = key;
      this.load();
    }
    loadCountries(this);
  }

  async load() {
    const key = this.loaded;
    const country = encodeURIComponent(this.country);
    const year = this.year;
    this.failed = null;
    this.indicator = null;
    const [overview, months] = await Promise.all([
      request('GET', `/api/v1/overviews/countries/${country}?from=${year}-01-01&to=${year}-12-31`),
      request('GET', `/api/v1/reports/months-recorded?country=${country}&year=${year}`),
    ]);
    if (key !== this.loaded) return;
    const refused = [overview, months].find(answer => !answer.ok);
    if (refused) {
      this.failed = { 0: 'area.offline', 401: 'area.expired', 403: 'area.forbidden', 404: 'area.notFound' }[refused.status]
        || 'area.failed';
      return;
    }
    this.area = overview.body.area;
    this.indicator = overview.body.indicator223;
    this.members = months.body.organisations;
  }

  get locale() {
    return LOCALES[this.lang] ?? this.lang;
  }

  number(value) {
    return new Intl.NumberFormat(this.locale).format(value);
  }

  monthName(month, style = 'long') {
    return new Intl.DateTimeFormat(this.locale, { month: style }).format(new Date(this.year, month - 1, 1));
  }

  /** t(key + '.one' | '.two' | '.few' | '.other', {n}) by the language's plural rules. */
  plural(key, n) {
    const form = new Intl.PluralRules(this.lang).select(n);
    const text = this.t(`${key}.${form}`, { n: this.number(n) });
    return text === `${key}.${form}` ? this.t(`${key}.other`, { n: this.number(n) }) : text;
  }

  choose(event) {
    event.preventDefault();
    const form = event.target;
    const country = form.elements.country?.value || this.country;
    location.hash = `#/indicator?country=${encodeURIComponent(country)}&year=${form.elements.year.value}`;
  }

  retry() {
    this.loaded = null;
    this.requestUpdate();
  }

  render() {
    const t = this.t;
    return html`
      <h1 id="indicator-heading" tabindex="-1">${t('indicator.heading')}</h1>
      <p class="area-hint">${t('indicator.intro')}</p>
      ${this.form()}
      ${this.failed ? html`
        <p id="indicator-status" class="error" role="alert">${t(this.failed)}</p>
        <button id="indicator-retry" type="button" @click=${this.retry}>${t('area.retry')}</button>` : ''}
      ${!this.failed && !this.indicator ? html`<p id="indicator-status" role="status">${t('area.loading')}</p>` : ''}
      ${this.indicator ? html`${this.figures()}${this.grid()}${this.notRegular()}
        <logbook-downloads .t=${t} .lang=${this.lang} .publishable=${false} .heading=${t('downloads.annualAnalysis')}
          .path=${`/api/v1/reports/annual-analysis?country=${encodeURIComponent(this.country)}&year=${this.year}`}></logbook-downloads>` : ''}`;
  }

  form() {
    const t = this.t;
    const chooser = this.me?.role === 'ADMIN' && this.countries?.length;
    return html`
      <form id="indicator-choice" class="area-period" @submit=${this.choose}>
        ${chooser ? countryField({
          id: 'indicator-country', label: t('area.country'), countries: this.countries, chosen: this.country,
        }) : ''}
        <div class="area-field">
          <label for="indicator-year">${t('indicator.year')}</label>
          <input id="indicator-year" name="year" type="number" inputmode="numeric" required min="2000"
                 max=${new Date().getFullYear()} .value=${String(this.year)}>
        </div>
        <button id="indicator-show" type="submit">${t('area.show')}</button>
      </form>`;
  }

  figures() {
    const t = this.t;
    const i = this.indicator;
    const value = new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 1 }).format(i.value);
    const asOf = new Intl.DateTimeFormat(this.locale, { dateStyle: 'long' }).format(new Date(i.asOf + 'T00:00'));
    const figures = [
      ['members', i.memberOrganisations], ['recording', i.recordingOrganisations],
      ['regular', i.regularlyRecordingOrganisations], ['required', i.regularMonthsRequired],
    ];
    return html`
      <section aria-labelledby="indicator-figures-heading">
        <h2 id="indicator-figures-heading">${t('indicator.figuresHeading', { country: this.area.name, year: this.year })}</h2>
        <p class="indicator-value"><span id="indicator-value">${value}</span>
          <span class="indicator-value-label">${t('indicator.valueLabel')}</span></p>
        <dl class="area-figures">
          ${figures.map(([name, n]) => html`
            <div><dt>${t('indicator.' + name)}</dt><dd id="indicator-${name}">${this.number(n)}</dd></div>`)}
        </dl>
        <p id="indicator-counted" class="area-hint">
          ${t('indicator.counted', { counted: this.number(i.monthsCounted), date: asOf })}</p>
      </section>`;
  }

  /** A real table: the organisation heads each row, the month each column; each cell says in words what its mark shows. */
  grid() {
    const t = this.t;
    const counted = this.indicator.monthsCounted;
    return html`
      <section aria-labelledby="indicator-grid-heading">
        <h2 id="indicator-grid-heading">${t('indicator.gridHeading')}</h2>
        <p class="area-hint">${t('indicator.gridHint')}</p>
        <p class="indicator-legend" aria-hidden="true">
          <span><span class="indicator-mark recorded">✓</span> ${t('indicator.recorded')}</span>
          <span><span class="indicator-mark">·</span> ${t('indicator.notRecorded')}</span>
          <span><span class="indicator-mark later">–</span> ${t('indicator.later')}</span>
        </p>
        ${this.members.length ? html`
          <table id="indicator-grid" class="indicator-grid">
            <caption class="area-hidden">${t('indicator.gridHeading')}</caption>
            <thead><tr>
              <th scope="col">${t('indicator.member')}</th>
              ${MONTHS.map(m => html`<th scope="col" id="grid-month-${m}">
                <span aria-hidden="true">${m}</span><span class="area-hidden">${this.monthName(m)}</span></th>`)}
            </tr></thead>
            <tbody>
              ${this.members.map(member => {
                const recorded = new Set(member.months.map(month => Number(month.slice(5))));
                return html`<tr id="grid-${member.organisationId}">
                  <th scope="row">${member.name}
                    <span class="indicator-sub">${member.municipality} · ${this.plural('indicator.months', member.monthsRecorded)}</span></th>
                  ${MONTHS.map(m => recorded.has(m)
                    ? html`<td id="grid-${member.organisationId}-${m}" class="recorded" data-recorded="true">
                        <span aria-hidden="true">✓</span><span class="area-hidden">${t('indicator.recorded')}</span></td>`
                    : m > counted
                      ? html`<td id="grid-${member.organisationId}-${m}" class="later" data-recorded="false">
                          <span aria-hidden="true">–</span><span class="area-hidden">${t('indicator.later')}</span></td>`
                      : html`<td id="grid-${member.organisationId}-${m}" data-recorded="false">
                          <span aria-hidden="true">·</span><span class="area-hidden">${t('indicator.notRecorded')}</span></td>`)}
                </tr>`;
              })}
            </tbody>
          </table>` : html`<p id="indicator-no-members">${t('indicator.noMembers')}</p>`}
      </section>`;
  }

  notRegular() {
    const t = this.t;
    const rows = this.indicator.notRegular;
    const required = this.number(this.indicator.regularMonthsRequired);
    return html`
      <section aria-labelledby="indicator-not-regular-heading">
        <h2 id="indicator-not-regular-heading">${t('indicator.notRegularHeading')}</h2>
        ${rows.length ? html`
          <ul id="indicator-not-regular" class="indicator-not-regular">
            ${rows.map(r => html`<li id="not-regular-${r.organisationId}">
              <span class="indicator-name">${r.name}</span>
              ${t('indicator.notRegularRow', { months: this.number(r.monthsRecorded), required })}</li>`)}
          </ul>` : html`<p id="indicator-all-regular">${t('indicator.allRegular')}</p>`}
      </section>`;
  }
}
customElements.define('logbook-indicator', Indicator);
