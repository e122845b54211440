import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { type Schemas, answer, api, asForce, command, ifMatch } from '../api/client';
import { can, useSession } from '../auth/session';
import { Chart } from '../components/Chart';
import { CommandForm, Field, OccurredAtField, occurredAtOf, text } from '../components/Command';
import { Async, Empty, TableWrap, Tag, allOf, statusTone } from '../components/Feedback';
import { PageHeading } from '../components/Layout';
import { useForceName, useForces } from '../components/forces';
import { OFFICE_NAMES, formatDate, humanise, statusName } from '../format';
import { LEVELS } from './collaboration/RiskAppetite';

type Register = Schemas['RegisterPage'];
type Holders = Schemas['OfficeHoldersPage'];
type Appetite = Schemas['RiskAppetiteView'];

/** A force: its collaborations, its office holders and handovers (with what they carried over), and its risk appetite over time. */
export function ForcePage() {
  const { forceCode = '' } = useParams();
  const forces = useForces();
  const forceName = useForceName();
  const session = useSession();
  const force = forces.data?.items.find((f) => f.code === forceCode);
  const collaborations = useQuery({ queryKey: ['register', { force: forceCode }], queryFn: () => answer(api.GET('/register', { params: { query: { force: asForce(forceCode), limit: 200 } } })) });
  const holders = useQuery({ queryKey: ['office-holders', forceCode], queryFn: () => answer(api.GET('/office-holders', { params: { query: { force: asForce(forceCode), limit: 200 } } })) });
  const appetite = useQuery({ queryKey: ['force-appetite', forceCode], queryFn: () => answer(api.GET('/forces/{forceCode}/risk-appetite', { params: { path: { forceCode } } })) });
  const name = force?.name ?? forceName(forceCode);
  return (
    <>
      <PageHeading title={name} caption="Force">
        <p className="muted">{force ? `${force.region} · policing body: ${force.policingBody}` : '\u00a0'}</p>
      </PageHeading>
      {/* Shown together once all three have answered, so that no section pushes another down as it loads. */}
      <Async query={allOf(collaborations, holders, appetite)} label="Loading the force’s collaborations, office holders and risk appetite…" height={40}>
        {([register, tenures, appetiteView]) => (
          <>
            <Collaborations forceCode={forceCode} register={register} />
            <section aria-labelledby="force-offices">
              <h2 id="force-offices" className="heading-l">
                Office holders and handovers
              </h2>
              <OfficeHolders holders={tenures} />
            </section>
            <AppetiteOverTime appetite={appetiteView} forceName={name} />
            {can.keepRegister(session) && (
              <section aria-labelledby="force-record">
                <h2 id="force-record" className="heading-l">
                  Record the history of its offices
                </h2>
                <RegistrarActions forceCode={forceCode} />
              </section>
            )}
          </>
        )}
      </Async>
    </>
  );
}

function Collaborations({ forceCode, register }: { forceCode: string; register: Register }) {
  const forceName = useForceName();
  return (
    <section aria-labelledby="force-collaborations">
      <h2 id="force-collaborations" className="heading-l">
        Collaborations
      </h2>
      {register.items.length === 0 ? (
        <Empty>This force is party to no collaboration in the register.</Empty>
      ) : (
        <ul className="plain-list">
          {register.items.map((c) => (
            <li key={c.collaborationId}>
              <Link to={`/app/collaborations/${c.collaborationId}`}>{c.name}</Link> <Tag tone={statusTone(c.status)}>{statusName(c.status)}</Tag>{' '}
              <span className="muted">
                {c.leadForce === forceCode ? 'lead force' : `led by ${forceName(c.leadForce)}`}
                {c.withdrawnParties.includes(forceCode) ? '; withdrawn' : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OfficeHolders({ holders }: { holders: Holders }) {
  if (holders.items.length === 0) return <Empty>No office holder is recorded for this force.</Empty>;
  return (
    <TableWrap label="Office holders">
      <table className="table">
        <caption className="visually-hidden">Office holders</caption>
        <thead>
          <tr>
            <th scope="col">Office</th>
            <th scope="col">Holder</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Pending when it ended</th>
          </tr>
        </thead>
        <tbody>
          {holders.items.map((t) => (
            <tr key={`${t.officeStream}-${t.sequence}`}>
              <td>{OFFICE_NAMES[t.office] ?? t.office}</td>
              <td>
                {t.name} {t.basis === 'acting' && <Tag tone="yellow">Acting</Tag>}
              </td>
              <td>{formatDate(t.heldFrom)}</td>
              <td>{t.heldTo ? `${formatDate(t.heldTo)} (${humanise(t.endedBy ?? '')})` : 'Holds it now'}</td>
              <td>{t.pendingAtEnd.length ? t.pendingAtEnd.map((p) => `${p.name} (${humanise(p.kind)}${p.since ? `, since ${formatDate(p.since)}` : ''})`).join('; ') : t.heldTo ? 'Nothing' : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function AppetiteOverTime({ appetite, forceName }: { appetite: Appetite; forceName: string }) {
  const now = new Date().toISOString();
  return (
    <section aria-labelledby="force-appetite">
      <h2 id="force-appetite" className="heading-l">
        Risk appetite over time
      </h2>
      <p className="definition">The level the force declared for each category, on the five-step scale from averse to eager; operational remit by its chief officer, strategic by its policing body.</p>
      {appetite.entries.length === 0 ? (
        <Empty>This force has declared no risk appetite.</Empty>
      ) : (
        <>
          <Chart
            label={`Risk appetite of ${forceName} by category and remit over time`}
            height={320}
            option={{
              tooltip: { trigger: 'item', formatter: (p: { seriesName: string; value: [string, number] }) => `${p.seriesName}: ${LEVELS[p.value[1]]} from ${formatDate(p.value[0])}` },
              legend: { top: 0, type: 'scroll' },
              grid: { left: 90, right: 30, top: 50, bottom: 40 },
              xAxis: { type: 'time' },
              yAxis: { type: 'value', min: 0, max: 4, interval: 1, axisLabel: { formatter: (v: number) => LEVELS[v] ?? '' } },
              series: appetite.entries.map((e) => {
                const points: Array<[string, number]> = e.history.map((h) => [h.from, LEVELS.indexOf(h.level)]);
                return { name: `${humanise(e.category)} (${e.remit})`, type: 'line', step: 'end', symbolSize: 8, data: [...points, [now, points.at(-1)![1]]] };
              }),
            }}
          />
          <table className="table">
            <caption className="visually-hidden">Risk appetite history</caption>
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Remit</th>
                <th scope="col">Level now</th>
                <th scope="col">History</th>
              </tr>
            </thead>
            <tbody>
              {appetite.entries.map((e) => (
                <tr key={`${e.category}-${e.remit}`}>
                  <td>{humanise(e.category)}</td>
                  <td>{e.remit}</td>
                  <td>{e.level}</td>
                  <td>{e.history.map((h) => `${h.level} from ${formatDate(h.from)}${h.reason ? ` (${h.reason})` : ''}`).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** The registrar records history: handovers of each office, back-dated to when they happened, sent with the office's version as read. */
function RegistrarActions({ forceCode }: { forceCode: string }) {
  return (
    <div className="actions actions-row">
      {(['chief-officer', 'policing-body'] as const).map((office) => (
        <HandoverForm key={office} forceCode={forceCode} office={office} />
      ))}
    </div>
  );
}

function HandoverForm({ forceCode, office }: { forceCode: string; office: 'chief-officer' | 'policing-body' }) {
  const current = useQuery({ queryKey: ['office', forceCode, office], queryFn: () => answer(api.GET('/offices/{forceCode}/{office}', { params: { path: { forceCode, office } } })) });
  return (
    <Async query={current} label="Loading the office…" height={36}>
      {(o) =>
        !o.currentHolder ? (
          <p>The {OFFICE_NAMES[office]?.toLowerCase()} office is vacant in the record.</p>
        ) : (
          <CommandForm
            legend={`Record a handover of the ${OFFICE_NAMES[office]?.toLowerCase()} office, now held by ${o.currentHolder.holder.name}`}
            submit="Record the handover"
            done="Handover recorded, with what was pending for the office."
            send={(form) =>
              command(
                api.POST('/offices/{forceCode}/{office}/handovers', {
                  params: { path: { forceCode, office } },
                  body: { outgoingPersonId: o.currentHolder!.holder.personId, incoming: { personId: text(form, 'incomingId'), name: text(form, 'incomingName') }, basis: text(form, 'basis') as 'substantive', note: text(form, 'note'), ...occurredAtOf(form) },
                  headers: ifMatch(o.version),
                }),
              )
            }
          >
            <Field name="incomingName" label="Incoming holder’s name" required />
            <Field name="incomingId" label="Incoming holder’s id" required hint="Their id in your identity provider, so that their sign-in matches the office." />
            <Field name="basis" label="Basis" required options={[['substantive', 'Substantive'], ['acting', 'Acting']]} />
            <Field name="note" label="Handover note and source" type="textarea" required hint="Say where this record comes from, e.g. the PCC’s decision notice of 3 May." />
            <OccurredAtField />
          </CommandForm>
        )
      }
    </Async>
  );
}
