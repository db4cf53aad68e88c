import { html } from 'lit';
import { register } from './lib/i18n.js';
import { Figures, MunicipalityFiguresElement, breakdownSpec, byMonthSpec, headline, organisationRows, organisationsHead, participantsSpec, periodQuery } from './municipality-figures.js';
import './lib/chart.js';
import './municipality.js';
import en from './i18n/report/en.json';
import sl from './i18n/report/sl.json';
import bg from './i18n/report/bg.json';
import './report.css';

register({ en, sl, bg });

// A4 has room for this many organisations below the charts; the rest are counted in one line.
const ORGANISATIONS = 8;

/**
 * A municipality's figures on one A4 page, for the browser's print to PDF: the headline figures, four charts and the
 * organisations. The same figures as the municipality's page, for the period of the hash.
 */
export class Report extends MunicipalityFiguresElement {
  print() {
    window.print();
  }

  render() {
    const t = this.t;
    const figures = this.figures;
    const back = `#/areas/municipalities/${this.code}${this.span ? '?' + periodQuery(this.span) : ''}`;
    return html`
      <p class="report-actions">
        <a id="report-back" href=${back}>${t('report.back')}</a>
        ${figures?.overview ? html`<button id="report-print" type="button" @click=${this.print}>${t('report.print')}</button>` : ''}
      </p>
      ${figures?.failed ? html`
        <h1>${t('municipality.headingUnknown')}</h1>
        <p id="report-status" class="error" role="alert">${t(figures.failed)}</p>` : ''}
      ${!figures ? html`<p id="report-status" role="status">${t('municipality.loading')}</p>` : ''}
      ${figures?.overview ? this.report() : ''}`;
  }

  report() {
    const t = this.t;
    const f = new Figures(this.lang);
    const { overview, municipality } = this.figures;
    const codes = this.codes;
    const span = this.span;
    const organisations = overview.byOrganisation || [];
    const more = Math.max(0, (overview.organisationsTotal ?? organisations.length) - ORGANISATIONS);
    return html`
      <article class="report" aria-labelledby="report-heading">
        <h1 id="report-heading">${t('municipality.heading', { name: overview.area.name })}</h1>
        <p id="report-period" class="report-hint">
          ${t('report.period', { period: f.range(span), earlier: f.range(span.before), date: f.date(new Date()) })}
        </p>

        <dl class="report-figures">
          ${headline(overview.totals, f).map(([figure, value]) => html`
            <div><dt>${t('municipality.' + figure)}</dt><dd id="report-${figure}">${value}</dd></div>`)}
          <div><dt>${t('municipality.sessionsPerThousand')}</dt>
            <dd id="report-per1000-sessions">${f.perThousand(overview.totals.sessions, municipality?.population)}</dd></div>
          <div><dt>${t('municipality.participantsPerThousand')}</dt>
            <dd id="report-per1000-participants">${f.perThousand(overview.totals.participants, municipality?.population)}</dd></div>
        </dl>
        <p class="report-hint">${municipality?.population
          ? t('municipality.population', { population: f.number(municipality.population) })
          : t('municipality.populationUnknown')} ${t('municipality.contacts')}</p>

        <div class="report-charts">
          <logbook-chart id="report-month-sessions" .t=${t} .lang=${this.lang} .height=${250}
            .heading=${t('report.sessionsByMonth')} .spec=${byMonthSpec(this.figures, span, 'sessions', t, f)}></logbook-chart>
          <logbook-chart id="report-methods" .t=${t} .lang=${this.lang} .height=${250}
            .heading=${t('report.sessionsByMethod')}
            .spec=${breakdownSpec(overview.byMethod, 'method', codes?.methods, t('municipality.method'), ['sessions'], t)}></logbook-chart>
          <logbook-chart id="report-age-bands" .t=${t} .lang=${this.lang} .height=${160}
            .heading=${t('municipality.byAgeBand')}
            .spec=${participantsSpec(overview.byAgeBand, codes?.ageBands, t('municipality.ageBand'), 'columns', t)}></logbook-chart>
          <logbook-chart id="report-genders" .t=${t} .lang=${this.lang} .height=${160}
            .heading=${t('municipality.byGender')}
            .spec=${participantsSpec(overview.byGender, codes?.genders, t('municipality.gender'), 'bars', t)}></logbook-chart>
        </div>

        <h2 id="report-organisations-heading">${t('municipality.organisations')}</h2>
        ${organisations.length ? html`
          <table id="report-organisations" class="municipality-table" aria-labelledby="report-organisations-heading">
            ${organisationsHead(t)}
            <tbody>
              ${organisationRows(organisations.slice(0, ORGANISATIONS), f)}
            </tbody>
          </table>
          ${more ? html`<p id="report-more" class="report-hint">${t('report.more', { count: f.number(more) })}</p>` : ''}`
          : html`<p>${t('municipality.noOrganisations')}</p>`}
        <p class="report-hint report-source">${t('report.source')}</p>
      </article>`;
  }
}
customElements.define('logbook-report', Report);
