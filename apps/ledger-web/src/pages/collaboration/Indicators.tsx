import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Schemas, answer, api } from '../../api/client';
import { Chart } from '../../components/Chart';
import { EventsBehind } from '../../components/EventsBehind';
import { Async, Empty, TableWrap } from '../../components/Feedback';
import { formatMonth, formatNumber, formatShare } from '../../format';
import { useCollaboration } from './CollaborationLayout';

type Month = Schemas['IndicatorMonth'];

interface Series {
  name: string;
  value: (m: Month) => number | null;
  format: (v: number | null) => string;
}
interface Indicator {
  id: string;
  title: string;
  /** The written definition (the API documents each figure; docs/indicators.md). */
  definition: string;
  unit: string;
  series: Series[];
  /** The events behind a month's figure, by global position. */
  events: (m: Month) => number[];
  /** A month counts for this indicator when it has a figure. */
  has: (m: Month) => boolean;
}

const share = (v: number | null) => formatShare(v);
const INDICATORS: Indicator[] = [
  {
    id: 'signing',
    title: 'Days from the proposal to signature',
    definition: 'For the signatures made in a month: the mean number of days from the collaboration’s proposal to each signature.',
    unit: 'days',
    series: [{ name: 'Mean days to sign', value: (m) => m.signatures.meanDaysFromProposal, format: formatNumber }],
    events: (m) => m.signatures.events,
    has: (m) => m.signatures.count > 0,
  },
  {
    id: 'deciding',
    title: 'Days to decide',
    definition: 'For the decisions decided in a month (taken, rejected or taken under urgency): the mean number of days from proposal to decision.',
    unit: 'days',
    series: [{ name: 'Mean days to decide', value: (m) => m.decisions.meanDaysToDecide, format: formatNumber }],
    events: (m) => m.decisions.events,
    has: (m) => m.decisions.meanDaysToDecide !== null,
  },
  {
    id: 'devolving',
    title: 'Escalation and willingness to devolve',
    definition:
      'Of the decisions decided in a month (taken, taken under urgency or rejected): the share escalated because the delegation scheme required it, the share the proposer chose to escalate, the share the lead force took alone under its delegation, and the share taken under urgency (docs/indicators.md, Decisions).',
    unit: 'share',
    series: [
      { name: 'Escalated as the scheme required', value: (m) => m.decisions.shareEscalatedByScheme, format: share },
      { name: 'Escalated by choice', value: (m) => m.decisions.shareEscalatedByChoice, format: share },
      { name: 'Taken by the lead force alone', value: (m) => m.decisions.shareTakenByLeadForceAlone, format: share },
      { name: 'Taken under urgency', value: (m) => m.decisions.shareTakenUnderUrgency, format: share },
    ],
    events: (m) => m.decisions.events,
    has: (m) => m.decisions.decided > 0,
  },
  {
    id: 'appetite',
    title: 'Widest spread of risk appetite between the parties',
    definition: 'At the end of each month: the largest difference, in steps of the five-step scale, between the levels the parties declared for one category and remit.',
    unit: 'steps',
    series: [{ name: 'Widest spread', value: (m) => m.riskAppetite.widestSpread, format: formatNumber }],
    events: (m) => m.riskAppetite.events,
    has: (m) => m.riskAppetite.widestSpread !== null,
  },
  {
    id: 'churn',
    title: 'Notices, leadership changes and slips',
    definition: 'Per month: notices of withdrawal given; changes of a party’s chief officer or policing body (handovers, acting designations, vacancies); recommendation due dates that slipped.',
    unit: 'count',
    series: [
      { name: 'Withdrawal notices', value: (m) => m.withdrawalNotices.given, format: formatNumber },
      { name: 'Leadership changes', value: (m) => m.leadership.officeChanges, format: formatNumber },
      { name: 'Recommendation slips', value: (m) => m.recommendations.slips, format: formatNumber },
    ],
    events: (m) => [...m.withdrawalNotices.events, ...m.leadership.changes.flatMap((c) => (c.event === null ? [] : [c.event])), ...m.recommendations.events],
    has: (m) => m.withdrawalNotices.given + m.leadership.officeChanges + m.recommendations.slips > 0,
  },
];

/** Governance and trust indicators over time (GET /collaborations/{id}/indicators): line charts; each point opens the events behind it. */
export function IndicatorsPage() {
  const c = useCollaboration();
  const indicators = useQuery({ queryKey: ['indicators', c.collaborationId], queryFn: () => answer(api.GET('/collaborations/{collaborationId}/indicators', { params: { path: { collaborationId: c.collaborationId } } })) });
  const [opened, setOpened] = useState<{ title: string; positions: number[] } | null>(null);
  return (
    <section aria-labelledby="indicators-heading">
      <h2 id="indicators-heading" className="heading-l">
        Governance and trust over time
      </h2>
      <p>
        Plain counts, means and shares per month, each resting on events you can open: select a point on a chart, or a month in the table beneath it. There is no composite score. Benefits realised are on the{' '}
        <Link to={`/app/collaborations/${c.collaborationId}/benefits`}>benefits</Link> page.
      </p>
      {opened && <EventsBehind title={opened.title} positions={opened.positions} onClose={() => setOpened(null)} />}
      <Async query={indicators} label="Loading the indicators…" height={40}>
        {(data) =>
          data.months.length === 0 ? (
            <Empty>Nothing has happened in this collaboration to measure yet.</Empty>
          ) : (
            <div className="indicators">
              {INDICATORS.map((indicator) => (
                <IndicatorChart key={indicator.id} indicator={indicator} months={data.months} onOpen={setOpened} />
              ))}
            </div>
          )
        }
      </Async>
    </section>
  );
}

function IndicatorChart({ indicator, months, onOpen }: { indicator: Indicator; months: Month[]; onOpen: (o: { title: string; positions: number[] }) => void }) {
  const shown = months.filter(indicator.has);
  const open = (m: Month) => onOpen({ title: `${indicator.title}, ${formatMonth(m.month)}`, positions: indicator.events(m) });
  return (
    <figure className="figure" aria-labelledby={`indicator-${indicator.id}`}>
      <figcaption>
        <h3 className="heading-m" id={`indicator-${indicator.id}`}>
          {indicator.title}
        </h3>
        <p className="definition">{indicator.definition}</p>
      </figcaption>
      {shown.length === 0 ? (
        <Empty>No month has a figure for this yet.</Empty>
      ) : (
        <>
          <Chart
            label={`${indicator.title}, by month`}
            height={260}
            onPointClick={(p) => open(shown[p.dataIndex]!)}
            option={{
              tooltip: { trigger: 'axis' },
              legend: indicator.series.length > 1 ? { bottom: 0 } : undefined,
              grid: { left: 70, right: 30, top: 30, bottom: indicator.series.length > 1 ? 70 : 40 },
              xAxis: { type: 'category', data: shown.map((m) => formatMonth(m.month)) },
              yAxis: { type: 'value', name: indicator.unit, ...(indicator.unit === 'share' ? { max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } } : {}) },
              series: indicator.series.map((s) => ({ name: s.name, type: 'line', symbolSize: 10, triggerLineEvent: true, data: shown.map((m) => s.value(m)), connectNulls: false })),
            }}
          />
          <details className="figures">
            <summary>The figures by month, and the events behind each</summary>
            <TableWrap label={`${indicator.title} by month`}>
              <table className="table">
                <caption className="visually-hidden">{indicator.title} by month</caption>
                <thead>
                  <tr>
                    <th scope="col">Month</th>
                    {indicator.series.map((s) => (
                      <th scope="col" key={s.name}>
                        {s.name}
                      </th>
                    ))}
                    <th scope="col">Behind it</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((m) => (
                    <tr key={m.month}>
                      <th scope="row">{formatMonth(m.month)}</th>
                      {indicator.series.map((s) => (
                        <td key={s.name}>{s.format(s.value(m))}</td>
                      ))}
                      <td>
                        <button type="button" className="link-button" onClick={() => open(m)}>
                          {indicator.events(m).length} event{indicator.events(m).length === 1 ? '' : 's'}
                          <span className="visually-hidden"> behind {indicator.title.toLowerCase()}, {formatMonth(m.month)}</span>
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </details>
        </>
      )}
    </figure>
  );
}
