import { html } from 'lit';
import { register } from './lib/i18n.js';
import { Figures, MunicipalityFiguresElement, ageBandGenderSpec, breakdownSpec, byMonthSpec, headline, iso, organisationRows, organisationsHead, participantsSpec, period, periodQuery } from './municipality-figures.js';
import './lib/chart.js';
import './lib/downloads.js';
import en from './i18n/municipality/en.json';
import sl from './i18n/municipality/sl.json';
import bg from './i18n/municipality/bg.json';
import './municipality.css';

register({ en, sl, bg });

/**
 * A municipality's overview for a period (the hash's from and to; this year to date by default): headline figures,
 * charts, figures per 1,000 inhabitants and the organisations working there. Every figure is the API's; only the
 * youth-led share and the figures per 1,000 are worked out here.
 */
export class Municipality extends MunicipalityFiguresElement {
  retry() {
    this.load(this.span);
  }

  choose(event) {
    event.preventDefault();
    const form = event.target;
    const from = form.elements.from.value;
    const to = form.elements.to.value;
    if (!from || !to || from > to) {
      this.invalidPeriod = true;
      this.requestUpdate();
      return;
    }
    this.invalidPeriod = false;
    location.hash = `#/areas/municipalities/${this.code}?from=${from}&to=${to}`;
  }

  render() {
    const t = this.t;
    const figures = this.figures;
    const name = figures?.overview?.area?.name;
    return html`
      <h1>${name ? t('municipality.heading', { name }) : t('municipality.headingUnknown')}</h1>
      ${figures?.failed ? html`
        <p id="municipality-status" class="error" role="alert">${t(figures.failed)}</p>
        ${this.refused && this.me?.municipalityCode && this.me.municipalityCode !== this.code ? html`
          <p><a id="municipality-own" href="#/areas/municipalities/${this.me.municipalityCode}">${t('municipality.own')}</a></p>` : ''}
        ${this.refused ? ''
          : html`<button id="municipality-retry" type="button" @click=${this.retry}>${t('municipality.retry')}</button>`}` : ''}
      ${!figures ? html`<p id="municipality-status" role="status">${t('municipality.loading')}</p>` : ''}
      ${figures?.overview ? this.page() : ''}`;
  }

  /** Refused for good (another area's, or no such municipality): no period to choose, nothing to try again. */
  get refused() {
    return ['municipality.forbidden', 'municipality.notFound'].includes(this.figures?.failed);
  }

  periodForm() {
    const t = this.t;
    const span = this.span ?? period(this.params);
    // Folded, so that on a phone the figures come first; open while the period typed is wrong.
    return html`
      <details id="municipality-choose" class="municipality-choose" ?open=${this.invalidPeriod}>
      <summary>${t('municipality.choose')}</summary>
      <form class="municipality-period" @submit=${this.choose} novalidate>
        <div>
          <label for="municipality-from">${t('municipality.from')}</label>
          <input id="municipality-from" name="from" type="date" .value=${iso(span.from)}
                 aria-invalid=${this.invalidPeriod ? 'true' : 'false'}>
        </div>
        <div>
          <label for="municipality-to">${t('municipality.to')}</label>
          <input id="municipality-to" name="to" type="date" .value=${iso(span.to)}
                 aria-invalid=${this.invalidPeriod ? 'true' : 'false'}>
        </div>
        <button id="municipality-show" type="submit">${t('municipality.show')}</button>
      </form>
      <p class="municipality-years">${t('municipality.years')}
        ${this.years().map(([id, from, to, name]) => html`
          <a id="municipality-year-${id}" href="#/areas/municipalities/${this.code}?from=${from}&to=${to}">${name}</a>`)}
      </p>
      ${this.invalidPeriod ? html`<p id="municipality-period-error" class="error" role="alert">${t('municipality.invalidPeriod')}</p>` : ''}
      </details>`;
  }

  /** Quick choices: this year to date, and the two years before it in full. */
  years() {
    const today = new Date();
    const year = today.getFullYear();
    return [
      ['now', `${year}-01-01`, iso(today), this.t('municipality.yearToDate', { year })],
      ...[year - 1, year - 2].map(y => [String(y), `${y}-01-01`, `${y}-12-31`, String(y)]),
    ];
  }

  page() {
    const t = this.t;
    const f = new Figures(this.lang);
    const { overview, municipality } = this.figures;
    const codes = this.codes;
    const span = this.span;
    return html`
      <p id="municipality-period" class="municipality-hint">
        ${t('municipality.period', { period: f.range(span), earlier: f.range(span.before) })}
      </p>
      ${this.periodForm()}
      <p><a id="municipality-report" href="#/report/municipalities/${this.code}?${periodQuery(span)}">${t('municipality.printable')}</a></p>

      <section aria-labelledby="municipality-totals-heading">
        <h2 id="municipality-totals-heading">${t('municipality.totals')}</h2>
        <dl class="municipality-figures">
          ${headline(overview.totals, f).map(([figure, value]) => html`
            <div><dt>${t('municipality.' + figure)}</dt><dd id="municipality-${figure}">${value}</dd></div>`)}
        </dl>
      </section>

      <section aria-labelledby="municipality-per1000-heading">
        <h2 id="municipality-per1000-heading">${t('municipality.perThousand')}</h2>
        <dl class="municipality-figures">
          <div><dt>${t('municipality.sessionsPerThousand')}</dt>
            <dd id="municipality-per1000-sessions">${f.perThousand(overview.totals.sessions, municipality?.population)}</dd></div>
          <div><dt>${t('municipality.participantsPerThousand')}</dt>
            <dd id="municipality-per1000-participants">${f.perThousand(overview.totals.participants, municipality?.population)}</dd></div>
        </dl>
        <p id="municipality-population" class="municipality-hint">${municipality?.population
          ? t('municipality.population', { population: f.number(municipality.population) })
          : t('municipality.populationUnknown')}</p>
      </section>

      <section aria-labelledby="municipality-charts-heading">
        <h2 id="municipality-charts-heading">${t('municipality.charts')}</h2>
        <logbook-chart id="municipality-month-sessions" .t=${t} .lang=${this.lang}
          .heading=${t('municipality.sessionsByMonth')} .spec=${byMonthSpec(this.figures, span, 'sessions', t, f)}></logbook-chart>
        <logbook-chart id="municipality-month-participants" .t=${t} .lang=${this.lang}
          .heading=${t('municipality.participantsByMonth')} .spec=${byMonthSpec(this.figures, span, 'participants', t, f)}></logbook-chart>
        <logbook-chart id="municipality-methods" .t=${t} .lang=${this.lang} .heading=${t('municipality.byMethod')}
          .spec=${breakdownSpec(overview.byMethod, 'method', codes?.methods, t('municipality.method'), ['sessions', 'participants'], t)}></logbook-chart>
        <p class="municipality-hint">${t('municipality.severalCount')}</p>
        <logbook-chart id="municipality-themes" .t=${t} .lang=${this.lang} .heading=${t('municipality.byTheme')}
          .spec=${breakdownSpec(overview.byTheme, 'theme', codes?.themes, t('municipality.theme'), ['sessions', 'participants'], t)}></logbook-chart>
        <logbook-chart id="municipality-age-bands" .t=${t} .lang=${this.lang} .heading=${t('municipality.byAgeBand')}
          .spec=${participantsSpec(overview.byAgeBand, codes?.ageBands, t('municipality.ageBand'), 'columns', t)}></logbook-chart>
        <logbook-chart id="municipality-genders" .t=${t} .lang=${this.lang} .heading=${t('municipality.byGender')}
          .spec=${participantsSpec(overview.byGender, codes?.genders, t('municipality.gender'), 'bars', t)}></logbook-chart>
        <logbook-chart id="municipality-age-bands-genders" .t=${t} .lang=${this.lang} .heading=${t('municipality.byAgeBandAndGender')}
          .spec=${ageBandGenderSpec(overview.byAgeBandAndGender, codes?.ageBands, codes?.genders, t('municipality.ageBand'), t)}></logbook-chart>
        <p class="municipality-hint">${t('municipality.contacts')}</p>
        <logbook-chart id="municipality-settings" .t=${t} .lang=${this.lang} .heading=${t('municipality.bySetting')}
          .spec=${breakdownSpec(overview.bySetting, 'setting', codes?.settings, t('municipality.setting'), ['sessions', 'participants'], t)}></logbook-chart>
      </section>

      ${this.organisations(overview, f)}
      <logbook-downloads .t=${t} .lang=${this.lang}
        .path=${`/api/v1/overviews/municipalities/${encodeURIComponent(this.code)}?${periodQuery(span)}`}></logbook-downloads>`;
  }

  organisations(overview, f) {
    const t = this.t;
    const rows = overview.byOrganisation || [];
    return html`
      <section aria-labelledby="municipality-organisations-heading">
        <h2 id="municipality-organisations-heading">${t('municipality.organisations')}</h2>
        ${rows.length ? html`
          <table id="municipality-organisations" class="municipality-table">
            ${organisationsHead(t)}
            <tbody>
              ${organisationRows(rows, f)}
            </tbody>
          </table>`
          : html`<p id="municipality-no-organisations">${t('municipality.noOrganisations')}</p>`}
      </section>`;
  }
}
customElements.define('logbook-municipality', Municipality);
