import { useId } from 'react';
import type { Report } from '../../lib/stats/report';
import { formatPointLabel } from './format';
import { statsStrings } from './strings';

/**
 * Two small charts drawn by hand in SVG: a charting library would weigh more than the whole side panel for
 * two bar charts. Each chart carries a text summary for screen readers and a table of the same numbers.
 */

const CHART_WIDTH = 320;
const CHART_HEIGHT = 120;
const AXIS_GAP = 18;
/** Room a date or hour label needs along the axis, in chart units, so labels never overlap. */
const LABEL_ROOM = 40;

/** Rounds the top of the scale up to a value that reads well on an axis (1, 2, 5 × 10ⁿ). */
export function niceMax(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

export function ActivityChart({ series, timeZone }: { series: Report['series']; timeZone?: string }) {
  const titleId = useId();
  const descId = useId();
  const s = statsStrings.activity;
  const { points, unit } = series;
  // A fixed drawing width keeps text the same size whether the chart has 7 columns or 90.
  const width = CHART_WIDTH;
  const slot = width / Math.max(points.length, 1);
  const bar = slot * 0.38;
  const top = niceMax(Math.max(1, ...points.map((p) => Math.max(p.seen, p.replies))));
  const height = (n: number): number => (n / top) * CHART_HEIGHT;
  const labelEvery = Math.max(1, Math.ceil(LABEL_ROOM / slot));
  const totalSeen = points.reduce((sum, p) => sum + p.seen, 0);
  const totalReplies = points.reduce((sum, p) => sum + p.replies, 0);

  return (
    <figure className="stats-chart">
      <ul className="stats-legend">
        <li>
          <span className="stats-swatch stats-swatch--seen" aria-hidden="true" />
          {s.seen}
        </li>
        <li>
          <span className="stats-swatch stats-swatch--replies" aria-hidden="true" />
          {s.replies}
        </li>
      </ul>
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`-28 -8 ${width + 36} ${CHART_HEIGHT + AXIS_GAP + 8}`}
        preserveAspectRatio="xMidYMid meet"
        className="stats-svg"
      >
        <title id={titleId}>{s.heading}</title>
        <desc id={descId}>{s.summary(totalSeen, totalReplies, unit)}</desc>
        <line className="stats-axis" x1={0} x2={width} y1={CHART_HEIGHT} y2={CHART_HEIGHT} />
        <line className="stats-grid" x1={0} x2={width} y1={0} y2={0} />
        <text className="stats-tick" x={-4} y={4} textAnchor="end">
          {top}
        </text>
        <text className="stats-tick" x={-4} y={CHART_HEIGHT + 4} textAnchor="end">
          0
        </text>
        {points.map((point, index) => {
          const x = index * slot + (slot - 2 * bar) / 2;
          const label = formatPointLabel(point.start, unit, timeZone);
          return (
            <g key={point.start}>
              <title>{`${label}: ${point.seen} / ${point.replies}`}</title>
              <rect
                className="stats-bar stats-bar--seen"
                x={x}
                y={CHART_HEIGHT - height(point.seen)}
                width={bar}
                height={height(point.seen)}
              />
              <rect
                className="stats-bar stats-bar--replies"
                x={x + bar}
                y={CHART_HEIGHT - height(point.replies)}
                width={bar}
                height={height(point.replies)}
              />
              {index % labelEvery === 0 ? (
                <text
                  className="stats-tick"
                  x={index * slot + slot / 2}
                  y={CHART_HEIGHT + 14}
                  textAnchor="middle"
                >
                  {label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <details className="stats-numbers">
        <summary>{statsStrings.showNumbers}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{unit === 'hour' ? statsStrings.hour : statsStrings.day}</th>
              <th scope="col">{s.seen}</th>
              <th scope="col">{s.replies}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.start}>
                <th scope="row">{formatPointLabel(point.start, unit, timeZone)}</th>
                <td>{point.seen}</td>
                <td>{point.replies}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export function ReplyTimeChart({ bands }: { bands: Report['timeToReply']['bands'] }) {
  const titleId = useId();
  const descId = useId();
  const s = statsStrings.replyTime;
  const row = 22;
  const labelWidth = 96;
  const barSpace = 180;
  const top = Math.max(1, ...bands.map((b) => b.count));
  const summary = s.summary(bands.map((b) => `${s.bands[b.band]} ${b.count}`).join(', '));

  return (
    <figure className="stats-chart">
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${labelWidth + barSpace + 40} ${bands.length * row}`}
        className="stats-svg"
      >
        <title id={titleId}>{s.heading}</title>
        <desc id={descId}>{summary}</desc>
        {bands.map((band, index) => {
          const y = index * row;
          const length = (band.count / top) * barSpace;
          return (
            <g key={band.band}>
              <text className="stats-tick" x={labelWidth - 6} y={y + 15} textAnchor="end">
                {s.bands[band.band]}
              </text>
              <rect
                className="stats-bar stats-bar--wait"
                x={labelWidth}
                y={y + 4}
                width={length}
                height={row - 8}
              />
              <text className="stats-tick" x={labelWidth + length + 4} y={y + 15}>
                {band.count}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
