import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { type Schemas, answer, api } from '../../api/client';
import { Chart } from '../../components/Chart';
import { Async, Empty, Tag, statusTone, TableWrap } from '../../components/Feedback';
import { formatDate, formatMonth, formatNumber, formatShare, humanise, statusName } from '../../format';
import { useCollaboration } from './CollaborationLayout';

type Benefit = Schemas['BenefitAgainstPlanView'];

/** Benefits against plan: each benefit's figures by month against its baseline, target and original target. */
export function BenefitsPage() {
  const c = useCollaboration();
  const benefits = useQuery({ queryKey: ['benefits', c.collaborationId], queryFn: () => answer(api.GET('/benefits-against-plan', { params: { query: { collaborationId: c.collaborationId, limit: 200 } } })) });
  return (
    <section aria-labelledby="benefits-heading">
      <h2 id="benefits-heading" className="heading-l">
        Benefits against plan
      </h2>
      <p className="definition">
        Share of target: (latest figure − baseline) ÷ (target − baseline). Cashable benefits are economic ones in pounds. A revised target keeps the original beside it.
      </p>
      <Async query={benefits} label="Loading the benefits…" height={24}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>No benefit has been identified for this collaboration.</Empty>
          ) : (
            <>
              <TableWrap label="Benefits">
                <table className="table">
                  <caption className="visually-hidden">Benefits</caption>
                  <thead>
                    <tr>
                      <th scope="col">Benefit</th>
                      <th scope="col">Category</th>
                      <th scope="col">Baseline → target</th>
                      <th scope="col">Latest figure</th>
                      <th scope="col">Share of target</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((b) => (
                      <tr key={b.benefitId}>
                        <td>
                          <Link to={`/app/benefits/${b.benefitId}`}>{b.title}</Link>
                        </td>
                        <td>
                          {humanise(b.category)}
                          {b.cashable && ' (cashable)'}
                        </td>
                        <td>
                          {formatNumber(b.baseline)} → {formatNumber(b.target)} {b.unit} by {formatDate(b.targetDate)}
                          {b.target !== b.originalTarget && <div className="muted">originally {formatNumber(b.originalTarget)}</div>}
                        </td>
                        <td>{b.latestPeriod ? `${formatNumber(b.latestValue)} (${formatMonth(b.latestPeriod)})` : 'None yet'}</td>
                        <td>{formatShare(b.shareOfTarget)}</td>
                        <td>
                          <Tag tone={statusTone(b.status)}>{statusName(b.status)}</Tag>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              {data.items.filter((b) => Object.keys(b.measurements).length > 0).map((b) => (
                <BenefitChart key={b.benefitId} benefit={b} />
              ))}
            </>
          )
        }
      </Async>
    </section>
  );
}

export function BenefitChart({ benefit }: { benefit: Pick<Benefit, 'title' | 'unit' | 'baseline' | 'target' | 'originalTarget' | 'measurements'> }) {
  const periods = Object.keys(benefit.measurements).sort();
  const label = `${benefit.title}: figures by month (${benefit.unit}) against a target of ${formatNumber(benefit.target)}`;
  return (
    <figure className="figure">
      <figcaption className="heading-s">{benefit.title}</figcaption>
      <Chart
        label={label}
        height={280}
        option={{
          tooltip: { trigger: 'axis' },
          grid: { left: 80, right: 140, top: 30, bottom: 40 },
          xAxis: { type: 'category', data: periods.map(formatMonth) },
          yAxis: { type: 'value', name: benefit.unit },
          series: [
            {
              name: 'Figure',
              type: 'line',
              data: periods.map((p) => benefit.measurements[p]),
              symbolSize: 8,
              markLine: {
                symbol: 'none',
                label: { formatter: '{b}', position: 'end' },
                data: [
                  { name: `Target ${formatNumber(benefit.target)}`, yAxis: benefit.target },
                  { name: `Baseline ${formatNumber(benefit.baseline)}`, yAxis: benefit.baseline },
                  ...(benefit.originalTarget !== benefit.target ? [{ name: `Original target ${formatNumber(benefit.originalTarget)}`, yAxis: benefit.originalTarget }] : []),
                ],
              },
            },
          ],
        }}
      />
    </figure>
  );
}
