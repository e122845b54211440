import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { answer, api, command, ifMatch } from '../../api/client';
import { can, useSession } from '../../auth/session';
import { CommandButton, CommandForm, Field, OccurredAtField, occurredAtOf, text } from '../../components/Command';
import { DateSlider } from '../../components/DateSlider';
import { Async, Empty, Tag, statusTone } from '../../components/Feedback';
import { useForceName } from '../../components/forces';
import { eventName, formatDate, formatMoney, humanise, statusName, today } from '../../format';
import { ABOVE_LIMIT, LEGAL_BASIS_NAMES, OTHER_PARTY_KINDS, PUBLICATION_LEVELS, VariationItem, appetiteText, useBudgetText } from './AgreedTerms';
import { type Collaboration, useCollaboration } from './CollaborationLayout';

/** The fields this page knows how to show; any other field the API adds is shown under "Other terms". */
const KNOWN = new Set([
  'collaborationId', 'version', 'name', 'purpose', 'functions', 'parties', 'leadForce', 'costSharing', 'noticePeriodMonths', 'reviewDate', 'proposedBy', 'status', 'proposedAt', 'signatures', 'cameIntoForceAt',
  'otherParties', 'legalBasis', 'annualBudget', 'agreedEnd',
  'purposeHistory', 'variations', 'delegationScheme', 'riskAppetite', 'budgets', 'publication', 'withdrawalNotices', 'withdrawnParties', 'reviews', 'directions', 'keyRoles', 'terminatedAt',
]);

/** The collaboration's terms as they stood on any date (GET /collaborations/{id}?asOf=), chosen with a date slider; and the acts the signed-in person may take on it now. */
export function TermsPage() {
  const current = useCollaboration();
  const [params, setParams] = useSearchParams();
  const from = (current.proposedAt ?? new Date().toISOString()).slice(0, 10);
  const asOf = params.get('asOf') ?? today();
  const terms = useQuery({
    queryKey: ['collaboration', current.collaborationId, 'asOf', asOf],
    queryFn: () => answer(api.GET('/collaborations/{collaborationId}', { params: { path: { collaborationId: current.collaborationId }, query: { asOf } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="two-columns">
      <section className="column-main" aria-labelledby="terms-heading">
        <h2 id="terms-heading" className="heading-l">
          Terms as they stood
        </h2>
        <DateSlider id="terms-as-of" label="Show the terms as at" from={from} to={today()} value={asOf} onChange={(date) => setParams(date === today() ? {} : { asOf: date }, { replace: true })} />
        <p className="as-of" role="status" aria-live="polite">
          Showing the terms at the end of <strong>{formatDate(asOf)}</strong>
          {terms.isFetching ? ' (updating…)' : ''}.
        </p>
        <Async query={terms} label="Loading the terms…" height={24}>
          {(c) => <TermsList c={c} />}
        </Async>
      </section>
      <aside className="column-side" aria-labelledby="actions-heading">
        <h2 id="actions-heading" className="heading-m">
          What you can do
        </h2>
        <Actions c={current} />
      </aside>
    </div>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function TermsList({ c }: { c: Collaboration }) {
  const forceName = useForceName();
  const budgetText = useBudgetText();
  const others = Object.entries(c).filter(([key, value]) => !KNOWN.has(key) && value !== null && value !== undefined);
  const pending = c.variations.filter((v) => !v.agreedAt);
  const agreed = c.variations.filter((v) => v.agreedAt);
  return (
    <div role="region" aria-label="Terms at that date" className="terms" data-version={c.version}>
      <dl className="summary">
        <Row term="Status">
          <Tag tone={statusTone(c.status)}>{statusName(c.status)}</Tag>
        </Row>
        <Row term="Made under">
          {c.legalBasis ? (
            <>
              {LEGAL_BASIS_NAMES[c.legalBasis.section] ?? c.legalBasis.section}
              <div className="muted">{c.legalBasis.citation}</div>
            </>
          ) : (
            'Not recorded'
          )}
        </Row>
        <Row term="Purpose">{c.purposeHistory.at(-1)?.purpose ?? c.purpose}</Row>
        <Row term="Functions in scope">{c.functions.join(', ')}</Row>
        <Row term="Parties">
          {c.parties.map((p, i) => (
            <span key={p}>
              {i > 0 && ', '}
              <Link to={`/app/forces/${p}`}>{forceName(p)}</Link>
              {c.withdrawnParties.includes(p) && ' (withdrawn)'}
            </span>
          ))}
        </Row>
        <Row term="Other parties (s22A(6))">
          {c.otherParties?.length ? (
            <ul className="plain-list">
              {c.otherParties.map((o) => (
                <li key={o.partyId}>
                  {o.name} <span className="muted">({OTHER_PARTY_KINDS[o.kind] ?? humanise(o.kind)})</span>
                </li>
              ))}
            </ul>
          ) : (
            'None: forces and their policing bodies only'
          )}
        </Row>
        <Row term="Lead force">{forceName(c.leadForce)}</Row>
        <Row term="Cost sharing">{c.costSharing}</Row>
        <Row term="Notice period for withdrawal">{c.noticePeriodMonths} months</Row>
        <Row term="Annual budget in the agreement">{c.annualBudget ? budgetText(c.annualBudget) : 'None agreed'}</Row>
        <Row term="Review date">{formatDate(c.reviewDate)}</Row>
        {c.agreedEnd && <Row term="Ends by agreement of the parties (s23C(5))">{formatDate(c.agreedEnd.endsOn)}</Row>}
        <Row term="Proposed">
          {formatDate(c.proposedAt)} by {c.proposedBy.name}
        </Row>
        <Row term="In force since">{c.cameIntoForceAt ? formatDate(c.cameIntoForceAt) : 'Not in force'}</Row>
        {c.terminatedAt && <Row term="Terminated">{formatDate(c.terminatedAt)}</Row>}
        <Row term="Publication">{c.publication ? `${PUBLICATION_LEVELS[c.publication.level] ?? humanise(c.publication.level)} since ${formatDate(c.publication.publishedAt)}${c.publication.reason ? ` — ${c.publication.reason}` : ''}` : 'Not published'}</Row>
      </dl>

      <h3 className="heading-s">Delegation scheme</h3>
      {c.delegationScheme?.length ? (
        <table className="table">
          <caption className="visually-hidden">Delegation scheme</caption>
          <thead>
            <tr>
              <th scope="col">Decisions on</th>
              <th scope="col">The lead force decides alone up to</th>
              <th scope="col">Above that, approval by</th>
            </tr>
          </thead>
          <tbody>
            {c.delegationScheme.map((rule) => (
              <tr key={rule.category}>
                <td>{humanise(rule.category)}</td>
                <td>{formatMoney(rule.leadForceAloneUpToGbp)}</td>
                <td>{ABOVE_LIMIT[rule.aboveLimit] ?? humanise(rule.aboveLimit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Empty>No delegation scheme adopted: every chief officer approves each decision.</Empty>
      )}

      <h3 className="heading-s">Agreed risk appetite</h3>
      {c.riskAppetite ? (
        <p>{appetiteText(c.riskAppetite)}</p>
      ) : (
        <Empty>None agreed.</Empty>
      )}

      <h3 className="heading-s">Budgets</h3>
      {c.budgets.length ? (
        <ul>
          {c.budgets.map((b) => (
            <li key={b.financialYear}>
              {budgetText(b)}
            </li>
          ))}
        </ul>
      ) : (
        <Empty>No budget set.</Empty>
      )}

      <h3 className="heading-s">Proposed variations awaiting signatures ({pending.length})</h3>
      {pending.length ? pending.map((v) => <VariationItem key={v.variationId} v={v} />) : <Empty>None awaiting signatures.</Empty>}

      <h3 className="heading-s">Agreed variations ({agreed.length})</h3>
      {agreed.length ? agreed.map((v) => <VariationItem key={v.variationId} v={v} />) : <Empty>No variation agreed.</Empty>}

      <h3 className="heading-s">Notices of withdrawal</h3>
      {c.withdrawalNotices.length ? (
        <ul>
          {c.withdrawalNotices.map((n) => (
            <li key={`${n.party}-${n.givenAt}`}>
              {forceName(n.party)} gave notice on {formatDate(n.givenAt)}, effective {formatDate(n.effectiveOn)}: {n.reason}
              {n.rescinded ? ' (rescinded)' : ''}
            </li>
          ))}
        </ul>
      ) : (
        <Empty>None.</Empty>
      )}

      {c.directions.length > 0 && (
        <>
          <h3 className="heading-s">Home Secretary directions</h3>
          <ul>
            {c.directions.map((d) => (
              <li key={d.reference}>
                {d.reference}: {d.direction}
                {d.continueUntil ? ` (until ${formatDate(d.continueUntil)})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {others.length > 0 && (
        <>
          <h3 className="heading-s">Other terms</h3>
          <dl className="summary">
            {others.map(([key, value]) => (
              <Row key={key} term={eventName(key)}>
                {typeof value === 'object' ? JSON.stringify(value) : String(value)}
              </Row>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}

/** The acts the signed-in person may take on the collaboration as it stands now, sent with its current version. */
function Actions({ c }: { c: Collaboration }) {
  const session = useSession();
  const forceName = useForceName();
  if (!session) return null;
  const { role, force } = session.principal;
  if (role === 'auditor') {
    return (
      <p>
        Auditors read and change nothing. The <Link to={`/app/collaborations/${c.collaborationId}/audit`}>raw record</Link> shows every event as stored, with both clocks and hashes.
      </p>
    );
  }
  if (role === 'registrar') return <p>The registrar keeps the register of office holders, on each force’s page; collaborations are acted on by their parties.</p>;
  const party = force && c.parties.includes(force) && !c.withdrawnParties.includes(force);
  const acts: ReactNode[] = [];
  if (can.sign(session) && party && c.status === 'proposed' && !c.signatures.some((s) => s.party === force && s.role === role)) {
    acts.push(
      <CommandButton
        key="sign"
        label={`Sign the agreement for ${forceName(force!)}`}
        done="Signed. Your signature is recorded."
        send={() => command(api.POST('/collaborations/{collaborationId}/signatures', { params: { path: { collaborationId: c.collaborationId } }, body: { party: force! }, headers: ifMatch(c.version) }))}
      />,
    );
  }
  if (can.sign(session) && party && c.status === 'in-force') {
    for (const v of c.variations.filter((v) => !v.agreedAt && !v.signatures.some((s) => s.party === force && s.role === role))) {
      acts.push(
        <CommandButton
          key={v.variationId}
          label={`Sign the variation “${v.summary}”`}
          done="Signed. Your signature on the variation is recorded."
          send={() =>
            command(api.POST('/collaborations/{collaborationId}/variations/{variationId}/signatures', { params: { path: { collaborationId: c.collaborationId, variationId: v.variationId } }, body: { party: force! }, headers: ifMatch(c.version) }))
          }
        />,
      );
    }
  }
  if (can.propose(session) && c.status === 'in-force') {
    if (force !== c.leadForce) {
      acts.push(<p key="not-lead">Only a collaboration manager of the lead force, {forceName(c.leadForce)}, proposes variations and decisions here.</p>);
    } else {
      acts.push(
        <CommandForm
          key="variation"
          legend="Propose a variation"
          submit="Propose the variation"
          done="Proposed. Each party’s chief officer and policing body can now sign it."
          send={(form) =>
            command(api.POST('/collaborations/{collaborationId}/variations', { params: { path: { collaborationId: c.collaborationId } }, body: { summary: text(form, 'summary'), changes: text(form, 'changes'), terms: termsOf(form), ...occurredAtOf(form) }, headers: ifMatch(c.version) }))
          }
        >
          <Field name="summary" label="Summary" required />
          <Field name="changes" label="What changes, in words" type="textarea" required />
          <Field name="functions" label="Functions in scope afterwards (comma-separated; leave empty to keep them)" />
          <Field name="leadForce" label="New lead force (a force code; leave empty to keep it)" />
          <Field name="reviewDate" label="New review date (YYYY-MM-DD; leave empty to keep it)" />
          <Field name="endsOn" label="End the collaboration by agreement on (YYYY-MM-DD; s23C(5))" />
          <OccurredAtField />
        </CommandForm>,
        <CommandForm
          key="decision"
          legend="Propose a decision"
          submit="Propose the decision"
          done="Proposed. The approvals it needs follow the delegation scheme; they are on its page."
          send={(form) =>
            command(
              api.POST('/decisions', {
                body: {
                  collaborationId: c.collaborationId,
                  title: text(form, 'title'),
                  category: text(form, 'category') as 'financial',
                  valueGbp: Number(text(form, 'valueGbp') || 0),
                  rationale: text(form, 'rationale'),
                  optionsConsidered: text(form, 'options').split('\n').map((o) => o.trim()).filter(Boolean),
                  ...occurredAtOf(form),
                },
              }),
            )
          }
        >
          <Field name="title" label="Title" required />
          <Field name="category" label="Category" required options={[['operational', 'Operational'], ['financial', 'Financial'], ['workforce', 'Workforce'], ['strategic', 'Strategic']]} />
          <Field name="valueGbp" label="Value in pounds" type="number" min={0} step={1} required inputMode="numeric" />
          <Field name="rationale" label="Rationale" type="textarea" required />
          <Field name="options" label="Options considered" type="textarea" hint="One a line." required />
          <OccurredAtField />
        </CommandForm>,
      );
    }
  }
  if (acts.length === 0) return <p>Nothing for you to do on this collaboration now.</p>;
  return <div className="actions">{acts}</div>;
}

/** The terms a variation changes, from the form's optional fields: only those filled in (s23C(4)). */
function termsOf(form: FormData) {
  const functions = text(form, 'functions').split(',').map((f) => f.trim()).filter(Boolean);
  return {
    ...(functions.length > 0 ? { functions } : {}),
    ...(text(form, 'leadForce') ? { leadForce: text(form, 'leadForce') } : {}),
    ...(text(form, 'reviewDate') ? { reviewDate: text(form, 'reviewDate') } : {}),
    ...(text(form, 'endsOn') ? { endsOn: text(form, 'endsOn') } : {}),
  };
}
