import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { answer, api } from '../../api/client';
import { Chart } from '../../components/Chart';
import { DateSlider } from '../../components/DateSlider';
import { Async, Empty, TableWrap } from '../../components/Feedback';
import { useForceName } from '../../components/forces';
import { formatDate, humanise, today } from '../../format';
import { useCollaboration } from './CollaborationLayout';

export const LEVELS = ['averse', 'minimal', 'cautious', 'open', 'eager'] as const;
/** A sequential scale light to dark (cell text switches to white on the dark end, so contrast holds). */
const SCALE = ['#f0f4f8', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];

/** Risk-appetite alignment as at a date: category × party (each remit), the level each party declared, beside the level the partners agreed. */
export function RiskAppetitePage() {
  const c = useCollaboration();
  const forceName = useForceName();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? today();
  const alignment = useQuery({
    queryKey: ['alignment', c.collaborationId, asOf],
    queryFn: () => answer(api.GET('/collaborations/{collaborationId}/risk-appetite-alignment', { params: { path: { collaborationId: c.collaborationId }, query: { asOf } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <section aria-labelledby="appetite-heading">
      <h2 id="appetite-heading" className="heading-l">
        Risk-appetite alignment
      </h2>
      <p className="definition">
        Each party declares a level for each category on a five-step scale (averse, minimal, cautious, open, eager): its chief officer for the operational remit, its policing body for the strategic one. Spread: the highest
        step minus the lowest among the parties that declared, per category and remit. Distance: steps between a party’s level and the level the partners agreed.
      </p>
      <DateSlider id="appetite-as-of" label="Show the appetites as at" from={(c.proposedAt ?? '').slice(0, 10) || today()} to={today()} value={asOf} onChange={(date) => setParams(date === today() ? {} : { asOf: date }, { replace: true })} />
      <p role="status" aria-live="polite">
        As at the end of <strong>{formatDate(asOf)}</strong>
        {alignment.isFetching ? ' (updating…)' : ''}.
      </p>
      <Async query={alignment} label="Loading the appetites…" height={22}>
        {(data) => {
          const columns = [...new Set(data.categories.flatMap((cat) => cat.remits.flatMap((r) => r.parties.map((p) => `${forceName(p.party)} (${r.remit})`))))].sort();
          const categories = data.categories.map((cat) => humanise(cat.category));
          const cells: Array<[number, number, number, string]> = [];
          data.categories.forEach((cat, y) => {
            const agreed = cat.agreed ? LEVELS.indexOf(cat.agreed) : -1;
            if (agreed >= 0) cells.push([0, y, agreed, cat.agreed!]);
            for (const remit of cat.remits) {
              for (const p of remit.parties) {
                if (!p.level) continue;
                cells.push([columns.indexOf(`${forceName(p.party)} (${remit.remit})`) + 1, y, LEVELS.indexOf(p.level), p.level]);
              }
            }
          });
          if (cells.length === 0) return <Empty>No party had declared a risk appetite, and none had been agreed, by that date.</Empty>;
          return (
            <>
              <Chart
                label={`Heat map of risk appetite levels as at ${formatDate(asOf)}: categories by party and remit, with the agreed level first`}
                height={Math.max(300, 190 + categories.length * 44)}
                option={{
                  tooltip: { formatter: (p: { value: [number, number, number, string] }) => `${categories[p.value[1]]}: ${p.value[3]}` },
                  grid: { left: 150, right: 20, top: 50, bottom: 130 },
                  xAxis: { type: 'category', data: ['Agreed', ...columns], axisLabel: { interval: 0, rotate: 25, width: 170, overflow: 'break' } },
                  yAxis: { type: 'category', data: categories },
                  visualMap: { type: 'piecewise', dimension: 2, min: 0, max: 4, orient: 'horizontal', left: 'center', top: 0, pieces: LEVELS.map((level, i) => ({ value: i, label: level, color: SCALE[i] })) },
                  series: [{ type: 'heatmap', data: cells.map((value) => ({ value, label: { color: value[2] >= 3 ? '#ffffff' : '#0b0c0c' } })), label: { show: true, formatter: (p: { value: [number, number, number, string] }) => p.value[3] } }],
                }}
              />
              <TableWrap label="Levels, spread and distance">
                <table className="table">
                  <caption>Levels, spread and distance from the agreed level</caption>
                  <thead>
                    <tr>
                      <th scope="col">Category</th>
                      <th scope="col">Agreed</th>
                      <th scope="col">Remit</th>
                      <th scope="col">Parties’ levels (distance from agreed)</th>
                      <th scope="col">Spread</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.categories.flatMap((cat) =>
                      cat.remits.map((r) => (
                        <tr key={`${cat.category}-${r.remit}`}>
                          <td>{humanise(cat.category)}</td>
                          <td>{cat.agreed ?? '—'}</td>
                          <td>{r.remit}</td>
                          <td>{r.parties.map((p) => `${forceName(p.party)}: ${p.level ?? 'not declared'}${p.distanceFromAgreed !== null ? ` (${p.distanceFromAgreed})` : ''}`).join('; ')}</td>
                          <td>{r.spread ?? '—'}</td>
                        </tr>
                      )),
                    )}
                  </tbody>
                </table>
              </TableWrap>
            </>
          );
        }}
      </Async>
    </section>
  );
}
