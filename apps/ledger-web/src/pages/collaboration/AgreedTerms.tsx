import type { ReactNode } from 'react';
import type { Schemas } from '../../api/client';
import { Empty } from '../../components/Feedback';
import { useForceName } from '../../components/forces';
import { OFFICE_NAMES, eventName, formatDate, formatMoney, humanise } from '../../format';

type TermsChange = Schemas['TermsChangeView'];
type Variation = Schemas['VariationView'];
type Budget = Schemas['CollaborationBudgetView'];
type Rule = Schemas['DelegationRuleView'];
type Appetite = Schemas['CollaborationAgreedAppetiteView'];

/** The section an agreement was made under, in words (the API's `legalBasis.section`; it follows the date the agreement was made). */
export const LEGAL_BASIS_NAMES: Record<string, string> = {
  s22A: 'Section 22A of the Police Act 1996 (collaboration agreement)',
  's23 (1996 text)': 'Section 23 of the Police Act 1996, as originally enacted',
  's23/s23A (2009 text)': 'Sections 23 and 23A of the Police Act 1996, as substituted in 2009',
};

export const PUBLICATION_LEVELS: Record<string, string> = { full: 'Published in full', redacted: 'Published with redactions', 'title-only': 'Title only' };

export const OTHER_PARTY_KINDS: Record<string, string> = {
  'local-authority': 'local authority',
  'fire-and-rescue-authority': 'fire and rescue authority',
  'other-public-body': 'other public body',
  other: 'other body',
};

export const ABOVE_LIMIT: Record<string, string> = { 'all-chief-officers': 'every chief officer', 'all-chief-officers-and-policing-bodies': 'every chief officer and policing body' };

/** "Financial decisions: the lead force alone up to £250,000; above that, every chief officer". */
export const ruleText = (rule: Rule) => `${humanise(rule.category)} decisions: the lead force alone up to ${formatMoney(rule.leadForceAloneUpToGbp)}; above that, ${ABOVE_LIMIT[rule.aboveLimit] ?? humanise(rule.aboveLimit)}`;

export function useBudgetText() {
  const forceName = useForceName();
  return (b: Budget) => `${b.financialYear}: ${formatMoney(b.totalGbp)} (${b.contributions.map((x) => `${forceName(x.party)} ${formatMoney(x.amountGbp)}`).join(', ')})`;
}

export const appetiteText = (a: Appetite) => `${a.appetite.map((x) => `${humanise(x.category)}: ${humanise(x.level)}`).join('; ')}. ${a.statement}`;

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

const KNOWN_CHANGES = new Set(['functions', 'leadForce', 'delegationScheme', 'noticePeriodMonths', 'costSharing', 'annualBudget', 'riskAppetite', 'publication', 'reviewDate', 'endsOn']);

/** The terms a variation changes (s23C(4)): only those it names; any term the API adds later is shown too, by its name. */
export function TermsChangeList({ terms, label }: { terms: TermsChange; label: string }) {
  const forceName = useForceName();
  const budgetText = useBudgetText();
  const others = Object.entries(terms).filter(([key, value]) => !KNOWN_CHANGES.has(key) && value !== null && value !== undefined);
  return (
    <dl className="summary terms-change" aria-label={label}>
      {terms.functions && <Row term="Functions in scope">{terms.functions.join(', ')}</Row>}
      {terms.leadForce && <Row term="Lead force">{forceName(terms.leadForce)}</Row>}
      {terms.delegationScheme && (
        <Row term="Delegation scheme">
          {terms.delegationScheme.length ? (
            <ul className="plain-list">
              {terms.delegationScheme.map((rule) => (
                <li key={rule.category}>{ruleText(rule)}</li>
              ))}
            </ul>
          ) : (
            'None: every chief officer approves each decision'
          )}
        </Row>
      )}
      {terms.noticePeriodMonths !== undefined && <Row term="Notice period for withdrawal">{terms.noticePeriodMonths} months</Row>}
      {terms.costSharing && <Row term="Cost sharing">{terms.costSharing}</Row>}
      {terms.annualBudget && <Row term="Annual budget">{budgetText(terms.annualBudget)}</Row>}
      {terms.riskAppetite && <Row term="Agreed risk appetite">{appetiteText(terms.riskAppetite)}</Row>}
      {terms.publication && (
        <Row term="Publication">
          {PUBLICATION_LEVELS[terms.publication.level] ?? humanise(terms.publication.level)}
          {terms.publication.reason ? ` — ${terms.publication.reason}` : ''}
        </Row>
      )}
      {terms.reviewDate && <Row term="Review date">{formatDate(terms.reviewDate)}</Row>}
      {terms.endsOn && <Row term="Ends by agreement of the parties on">{formatDate(terms.endsOn)}</Row>}
      {others.map(([key, value]) => (
        <Row key={key} term={eventName(key)}>
          {typeof value === 'object' ? JSON.stringify(value) : String(value)}
        </Row>
      ))}
    </dl>
  );
}

/** One variation: what it changes in words and in terms, and who has signed it so far. */
export function VariationItem({ v }: { v: Variation }) {
  const forceName = useForceName();
  const id = `variation-${v.variationId}`;
  return (
    <article className="variation" aria-labelledby={id}>
      <h4 id={id}>{v.summary}</h4>
      <p>
        {v.changes.replace(/\.$/, '')}. Proposed {formatDate(v.proposedAt)}; {v.agreedAt ? `agreed ${formatDate(v.agreedAt)}, when the last party signed` : 'not yet agreed: it takes effect when every remaining party has signed (s23C(4))'}.
      </p>
      <p className="muted">{v.agreedAt ? 'The terms it changed:' : 'The terms it proposes:'}</p>
      <TermsChangeList terms={v.terms} label={`${v.agreedAt ? 'Terms changed by' : 'Terms proposed by'} “${v.summary}”`} />
      <p className="muted">Signed by{v.signatures.length ? ` (${v.signatures.length})` : ''}:</p>
      {v.signatures.length ? (
        <ul aria-label={`Signatures on “${v.summary}”`}>
          {v.signatures.map((s) => (
            <li key={`${s.party}-${s.role}`}>
              {s.signatory.name}, for {forceName(s.party)} as its {(OFFICE_NAMES[s.role] ?? humanise(s.role)).toLowerCase()}, on {formatDate(s.signedAt)}
            </li>
          ))}
        </ul>
      ) : (
        <Empty>No one has signed it yet.</Empty>
      )}
    </article>
  );
}
