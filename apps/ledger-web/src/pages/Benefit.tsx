import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { answer, api, command, ifMatch } from '../api/client';
import { can, useSession } from '../auth/session';
import { CommandForm, Field, OccurredAtField, occurredAtOf, text } from '../components/Command';
import { Async, Empty, Tag, statusTone } from '../components/Feedback';
import { PageHeading } from '../components/Layout';
import { formatDate, formatMonth, formatNumber, humanise, statusName } from '../format';
import { BenefitChart } from './collaboration/Benefits';

/** One benefit (GET /benefits/{id}): its figures against plan, and recording a figure (collaboration managers). */
export function BenefitPage() {
  const { benefitId = '' } = useParams();
  const session = useSession();
  const benefit = useQuery({ queryKey: ['benefit', benefitId], queryFn: () => answer(api.GET('/benefits/{benefitId}', { params: { path: { benefitId } } })) });
  return (
    <Async query={benefit} label="Loading the benefit…" height={16}>
      {(b) => (
        <>
          <PageHeading title={b.title} caption="Benefit">
            <p>
              <Tag tone={statusTone(b.status)}>{statusName(b.status)}</Tag> <Link to={`/app/collaborations/${b.collaborationId}/benefits`}>All benefits of the collaboration</Link>
            </p>
          </PageHeading>
          <div className="two-columns">
            <div className="column-main">
              <dl className="summary">
                <dt>Category</dt>
                <dd>{humanise(b.category)}</dd>
                <dt>Measure</dt>
                <dd>
                  {b.measure} ({b.unit}, {humanise(b.measureKind)})
                </dd>
                <dt>Baseline → target</dt>
                <dd>
                  {formatNumber(b.baseline)} → {formatNumber(b.target)} by {formatDate(b.targetDate)}
                  {b.originalTarget !== b.target && ` (originally ${formatNumber(b.originalTarget)})`}
                </dd>
                <dt>Owner</dt>
                <dd>{b.owner.name}</dd>
              </dl>
              {b.measurements.length === 0 ? (
                <Empty>No figure has been recorded yet.</Empty>
              ) : (
                <>
                  <BenefitChart benefit={{ ...b, originalTarget: b.originalTarget ?? b.target, measurements: Object.fromEntries(b.measurements.map((m) => [m.period, m.value])) }} />
                  <table className="table">
                    <caption className="visually-hidden">Figures</caption>
                    <thead>
                      <tr>
                        <th scope="col">Month</th>
                        <th scope="col">Figure</th>
                        <th scope="col">Evidence</th>
                      </tr>
                    </thead>
                    <tbody>
                      {b.measurements.map((m) => (
                        <tr key={m.period}>
                          <td>{formatMonth(m.period)}</td>
                          <td>
                            {formatNumber(m.value)} {b.unit}
                            {m.corrections.length > 0 && <div className="muted">corrected {m.corrections.length} time(s)</div>}
                          </td>
                          <td>{m.evidence}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
            </div>
            <aside className="column-side" id="record" aria-labelledby="benefit-actions">
              <h2 id="benefit-actions" className="heading-m">
                What you can do
              </h2>
              {can.recordMeasurement(session) ? (
                <CommandForm
                  legend="Record a figure"
                  submit="Record the figure"
                  done="Recorded."
                  send={(form) =>
                    command(
                      api.POST('/benefits/{benefitId}/measurements', {
                        params: { path: { benefitId } },
                        body: { period: text(form, 'period'), value: Number(text(form, 'value')), evidence: text(form, 'evidence'), ...(text(form, 'correctionReason') ? { correctionReason: text(form, 'correctionReason') } : {}), ...occurredAtOf(form) },
                        headers: ifMatch(b.version),
                      }),
                    )
                  }
                >
                  <Field name="period" label="Month" type="month" required hint="The month the figure is for." />
                  <Field name="value" label={`Figure (${b.unit})`} type="number" step="any" required />
                  <Field name="evidence" label="Evidence" type="textarea" required hint="Where the figure comes from, e.g. a finance report." />
                  <Field name="correctionReason" label="Reason for a correction" hint="Only when the month already has a figure: the first stays on the record." />
                  <OccurredAtField />
                </CommandForm>
              ) : (
                <p>Collaboration managers of the lead force record figures.</p>
              )}
            </aside>
          </div>
        </>
      )}
    </Async>
  );
}
