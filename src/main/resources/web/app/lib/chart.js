import { LitElement, html } from 'lit';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { register } from './i18n.js';
import en from '../i18n/chart/en.json';
import sl from '../i18n/chart/sl.json';
import bg from '../i18n/chart/bg.json';
import './chart.css';

register({ en, sl, bg });
// Only what the pages draw, so the bundle stays small; SVG, so charts stay sharp when printed.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const COLOURS = ['#1d4e89', '#b1b4b6', '#d4351c', '#00703c', '#f47738', '#5694ca'];
const LOCALES = { en: 'en-GB' };

/** A value the chart can draw: a withheld figure of a published overview ("<5", "x") is a gap, not a zero. */
function drawable(value) {
  return typeof value === 'number' ? value : null;
}

/**
 * A chart with its figures as a table beside it, for screen readers and for copying. `spec`:
 * {kind: 'columns' | 'bars' | 'lines', categories: [label], categoryHeading: string, series: [{name, values: [number | string]}]}.
 * Columns and lines run along the categories (months); bars lie across, for long labels on a narrow screen.
 * The element's id names its parts: `<id>-table` is the table. `height` (px), when given, replaces the height chosen
 * from the kind and the number of rows: a printed page has room for so much and no more.
 */
export class Chart extends LitElement {
  static properties = {
    heading: { attribute: false }, spec: { attribute: false }, t: { attribute: false }, lang: { attribute: false },
    height: { attribute: false },
  };

  createRenderRoot() {
    return this;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizing?.disconnect();
    this.chart?.dispose();
    this.chart = null;
  }

  updated() {
    const canvas = this.querySelector('.chart-canvas');
    if (!this.spec || !canvas) return;
    if (!this.chart) {
      this.chart = echarts.init(canvas, null, { renderer: 'svg' });
      // Redrawn, not only resized: the room for the bars' labels follows the width.
      this.resizing = new ResizeObserver(() => {
        this.chart?.resize();
        this.chart?.setOption(this.options(), true);
      });
      this.resizing.observe(canvas);
    }
    this.chart.setOption(this.options(), true);
  }

  options() {
    const { kind, categories, series } = this.spec;
    const across = kind === 'bars';
    // Long labels (methods, themes) wrap within two fifths of the width, so that the bars keep the rest.
    const width = this.querySelector('.chart-canvas')?.clientWidth || 320;
    // A few columns (age bands) each keep their label, wrapped to the column's width; many (months) drop what overlaps.
    const few = categories.length <= 6;
    const axisLabel = across ? { interval: 0, width: Math.round(width * 0.4), overflow: 'break', fontSize: 11, lineHeight: 12 }
      : few ? { interval: 0, width: Math.floor((width - 48) / Math.max(categories.length, 1)), overflow: 'break', lineHeight: 13 }
        : { hideOverlap: true };
    const categoryAxis = { type: 'category', data: categories, axisLabel, inverse: across };
    const counts = series.every(s => s.values.every(v => typeof v !== 'number' || Number.isInteger(v)));
    const valueAxis = { type: 'value', minInterval: counts ? 1 : 0, axisLabel: { formatter: v => this.format(v) } };
    return {
      animation: false,
      aria: { enabled: false }, // the table below says it better
      color: COLOURS,
      grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 8, bottom: 8, containLabel: true },
      legend: series.length > 1 ? { top: 0, data: series.map(s => s.name) } : undefined,
      tooltip: { trigger: 'axis', confine: true, valueFormatter: v => this.format(v) },
      xAxis: across ? valueAxis : categoryAxis,
      yAxis: across ? categoryAxis : valueAxis,
      series: series.map(s => ({
        name: s.name, type: kind === 'lines' ? 'line' : 'bar', data: s.values.map(drawable),
        connectNulls: false, barMaxWidth: 28,
      })),
    };
  }

  format(value) {
    if (typeof value !== 'number') return value ?? '';
    return new Intl.NumberFormat(LOCALES[this.lang] || this.lang, { maximumFractionDigits: 2 }).format(value);
  }

  render() {
    if (!this.spec) return '';
    const { kind, categories, categoryHeading, series } = this.spec;
    const id = this.id || 'chart';
    const rows = Math.max(categories.length, 1);
    const height = this.height ?? (kind === 'bars' ? Math.max(120, rows * 22 * Math.max(series.length, 1) + 40) : 220);
    return html`
      <figure class="chart">
        <figcaption id="${id}-caption">${this.heading}</figcaption>
        <div class="chart-canvas" role="img" aria-labelledby="${id}-caption" style="height: ${height}px"></div>
        <details class="chart-table">
          <summary>${this.t('chart.asTable')}</summary>
          <table id="${id}-table">
            <thead><tr><th scope="col">${categoryHeading}</th>${series.map(s => html`<th scope="col">${s.name}</th>`)}</tr></thead>
            <tbody>
              ${categories.map((category, i) => html`
                <tr><th scope="row">${category}</th>${series.map(s => html`<td>${this.format(s.values[i])}</td>`)}</tr>`)}
            </tbody>
          </table>
        </details>
      </figure>`;
  }
}
customElements.define('logbook-chart', Chart);
