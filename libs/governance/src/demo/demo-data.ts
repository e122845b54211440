import { type CommandContext, type Principal, newId } from '#shared-kernel';
import { benefitAggregate } from '../benefit/benefit.aggregate.js';
import type { BenefitCommand } from '../benefit/benefit.decider.js';
import { collaborationAggregate } from '../collaboration/collaboration.aggregate.js';
import type { CollaborationCommand } from '../collaboration/collaboration.decider.js';
import type { ProposeCollaboration } from '../collaboration/propose-collaboration/propose-collaboration.command.js';
import type { TermsChange } from '../collaboration/terms.js';
import { decisionAggregate } from '../decision/decision.aggregate.js';
import type { DecisionCommand } from '../decision/decision.decider.js';
import type { LedgerCommands } from '../ledger-commands.js';
import { officeAggregate } from '../office/office.aggregate.js';
import type { Office } from '../office/office.events.js';
import type { OfficeCommand } from '../office/office.decider.js';
import { recommendationAggregate } from '../recommendation/recommendation.aggregate.js';
import type { RecommendationCommand } from '../recommendation/recommendation.decider.js';
import { nationalBodyByCode } from '../recommendation/national-bodies.js';
import { forceByCode } from '../reference-data/forces.js';
import { PCCS_TOOK_OFFICE, policingBodiesOf, policingBodyOn } from '../reference-data/policing-bodies.js';

/**
 * Demo history: the collaborations HMICFRS studied in "The Hard Yards" and those named in the
 * forces' responses, entered through the same commands and rules as real use. Every command
 * carries its provenance into its events' metadata: a source (a seed document or a public page,
 * listed in docs/demo-data.md and docs/research/law-and-record.md) where the record has the fact,
 * `illustrative: true` where it is silent (office holders' names, exact days, money, delegation
 * limits). Office holders are never named: each is "(illustrative holder)". Police authorities
 * sign until 21 November 2012 and PCCs from 22 November 2012 (Greater Manchester's mayor from
 * 8 May 2017); an agreement's section follows its date (terms.ts, legalBasisOn).
 */
export const SOURCES = {
  hardYards: 'HMICFRS, PEEL spotlight report "The Hard Yards – Police to police collaboration", published 21 July 2020 (seeds 000, 001, 003)',
  devonCornwallResponse: 'Devon and Cornwall Police and OPCC, response to "The Hard Yards" (seed 002)',
  nottinghamshireResponse: 'Nottinghamshire PCC, response to "The Hard Yards", December 2020 (seed 004)',
  pccsTookOffice: 'Police authorities abolished and PCCs took office on 22 November 2012: BBC, https://feeds.bbci.co.uk/news/uk-england-20443452 (read 2026-11)',
  greaterManchesterMayor: 'Mayor of Greater Manchester exercises PCC functions from 8 May 2017: SI 2016/448, SI 2017/470, https://www.legislation.gov.uk/uksi/2016/448/note/made/data.html',
  sevenForce: 'Essex PCC Business Coordination Board, 25 February 2016, recommending the s22A collaboration agreement for the Seven Force programme: https://fdocuments.us/document/seven-force-strategic-collaboration-20160216-strategic-collaboration-programme.html',
  allWales: 'North Wales PCC, "Collaboration in Wales": All Wales Policing Group governance MoU approved 26 March 2014 (the agreement’s own date is not in the record): https://www.northwales-pcc.gov.uk/en/Working-in-Partnership/Collaboration-in-Wales.aspx',
  triForceStart: 'South West Tri-force set up in 2012, its agreement signed by the PCCs and chief constables: BBC, https://feeds.bbci.co.uk/news/uk-england-gloucestershire-45900384; https://www.thewestonmercury.co.uk/news/forces-sign-up-to-new-deals-to-protect-communities-4426290',
  triForceNotice: 'Avon and Somerset announced in April 2018 its intention to withdraw in April 2019: https://www.polfed.org/wiltshire/news/2018/tri-force-alliance-collapses-after-discussions-ended-without-agreement/',
  triForceEnd: 'The alliance to cease in April 2019, dog sections returning to local control: https://policeprofessional.com/news/another-strategic-force-alliance-breaks-down; https://www.gloucestershire-pcc.gov.uk/better-local-policing-is-behind-new-three-force-collaboration/',
  underwater: 'North West Regional Underwater Search and Marine Unit, established 1978 (its current agreement’s date is not in the record): https://flic.kr/photos/gmpolice1/16668182163',
  motorway: 'North West Motorway Police Group, established June 2008 by Cheshire, Merseyside and Lancashire; Lancashire announced its withdrawal in April 2018; disbanded 1 April 2025: https://en.wikipedia.org/wiki/North_West_Motorway_Police_Group',
  emcjs: 'East Midlands Criminal Justice collaboration, a case study of The Hard Yards (its agreement’s date is not in the record) (seed 001)',
  allianceMade: 'Devon and Cornwall and Dorset formally agreed the strategic alliance in March 2015, signed by both PCCs and chief constables: https://www.dorset.police.uk/news-information/about-dorset-police/strategic-alliance/; BBC, https://feeds.bbci.co.uk/news/uk-england-32079079',
  allianceMerger: 'Merger proposal announced September 2017; on 5 October 2018 the Devon and Cornwall PCC decided not to support the merger business case (the alliance continued): https://futurepolicing.co.uk/news/ (seed 002)',
  westMerciaMade: 'West Mercia Police Authority approved the alliance agreement on 28 June 2011 and Warwickshire Police Authority on 29 June 2011: https://www.westmercia.police.uk/article/6804/Strategic-alliance-agreed-by-Warwickshire-Police-and-West-Mercia-Police',
  westMerciaNotice: 'West Mercia’s PCC and chief constable gave notice on 9 October 2018 to end the alliance; Warwickshire: with effect from 9 October 2019: https://www.westmercia-pcc.gov.uk/enhancing-and-improving-west-mercia-police/',
  westMerciaDirection: 'Home Secretary’s direction of 8 October 2019 under Police Act 1996 s23G, continuing the agreement for six months: https://shropshirestar.com/news/crime/2019/10/09/home-secretary-delays-break-up-of-shropshires-police-force-and-its-neighbours-by-six-months; BBC, https://feeds.bbci.co.uk/news/uk-england-49944504',
  westMerciaEnd: 'Settlement agreed 30 March 2020; the alliance formally ended on 1 April 2020: https://policeprofessional.com/?p=128318; https://www.stratford-herald.com/107785-west-mercia-pays-divorce-bill-ahead-split-warwickshire-police.html',
} as const;

const at = (date: string) => new Date(`${date}T09:00:00Z`);
const registrar: Principal = { personId: 'demo-registrar', name: 'National registrar (demo)', role: 'registrar' };
const chief = (force: string): Principal => ({ personId: `demo-cc-${force}`, name: `Chief Constable of ${forceByCode(force)!.name} (illustrative holder)`, role: 'chief-officer', force });
/** The policing body that signed: the police authority until 21 November 2012, the PCC (or PFCC, or mayor) after — reference-data/policing-bodies.ts. */
const authority = (force: string): Principal => ({ personId: `demo-pa-${force}`, name: policingBodiesOf(force)![0]!.name, role: 'policing-body', force });
const body = (force: string): Principal => ({ personId: `demo-pb-${force}`, name: `${forceByCode(force)!.policingBody} (illustrative holder)`, role: 'policing-body', force });
const mayor = (force: string): Principal => ({ personId: `demo-mayor-${force}`, name: `${policingBodiesOf(force)!.find((b) => b.kind === 'mayor')!.name} (illustrative holder)`, role: 'policing-body', force });
const manager = (force: string): Principal => ({ personId: `demo-cm-${force}`, name: `Collaboration manager, ${forceByCode(force)!.name} (illustrative)`, role: 'collaboration-manager', force });
const person = (p: Principal) => ({ personId: p.personId, name: p.name });
const PA_ABOLISHED = PCCS_TOOK_OFFICE;
const HARD_YARDS = 'PEEL spotlight report: The Hard Yards – Police to police collaboration (HMICFRS, 21 July 2020)';
/** The day The Hard Yards was published (seeds 000, 001): its s55(5A) response deadline follows from it. */
const HARD_YARDS_PUBLISHED = '2020-07-21';
const DEMO_FORCES = ['bedfordshire', 'cambridgeshire', 'essex', 'hertfordshire', 'kent', 'norfolk', 'suffolk', 'dyfed-powys', 'gwent', 'north-wales', 'south-wales', 'avon-and-somerset', 'gloucestershire', 'wiltshire', 'merseyside', 'greater-manchester', 'cheshire', 'cumbria', 'lancashire', 'leicestershire', 'lincolnshire', 'northamptonshire', 'nottinghamshire', 'devon-and-cornwall', 'dorset', 'west-mercia', 'warwickshire'];

/** Who signs for a force's policing body on a date: the holder in the body of that day. */
const signatoryOn = (force: string, date: string) => {
  const kind = policingBodyOn(force, date)!.kind;
  return kind === 'police-authority' ? authority(force) : kind === 'mayor' ? mayor(force) : body(force);
};

type Provenance = { source: string } | { illustrative: true };

/** Who enters the demo's history: as a registrar enters history older than the back-dating window, naming its record. */
export const DEMO_REGISTRAR = { personId: 'demo-registrar', name: 'Demo history loader (illustrative registrar)' };
export const demoEntry = (provenance: Provenance) => ({
  enteredBy: DEMO_REGISTRAR,
  source: 'source' in provenance ? provenance.source : 'Illustrative: the public record is silent here (docs/demo-data.md)',
});
const illustrative: Provenance = { illustrative: true };
const source = (text: string): Provenance => ({ source: text });

interface AgreementSpec {
  name: string;
  purpose: string;
  functions: string[];
  parties: string[];
  lead: string;
  proposed: string;
  signed: string;
  noticeMonths?: number;
  provenance: Provenance;
  terms?: Partial<Pick<ProposeCollaboration, 'delegationScheme' | 'annualBudget' | 'riskAppetite' | 'publication'>>;
}

export class DemoHistory {
  private readonly receivedAt = new Date();

  constructor(private readonly commands: LedgerCommands) {}

  private context(principal: Principal, provenance: Provenance): CommandContext {
    return { principal, correlationId: 'demo-data', receivedAt: this.receivedAt, provenance, entry: demoEntry(provenance) };
  }

  private collaboration(by: Principal, command: CollaborationCommand, provenance: Provenance = illustrative) {
    return this.commands.execute(collaborationAggregate, { command, context: this.context(by, provenance) });
  }

  private decide(by: Principal, command: DecisionCommand, provenance: Provenance = illustrative) {
    return this.commands.execute(decisionAggregate, { command, context: this.context(by, provenance) });
  }

  private benefit(by: Principal, command: BenefitCommand, provenance: Provenance = illustrative) {
    return this.commands.execute(benefitAggregate, { command, context: this.context(by, provenance) });
  }

  private recommend(by: Principal, command: RecommendationCommand, provenance: Provenance) {
    return this.commands.execute(recommendationAggregate, { command, context: this.context(by, provenance) });
  }

  private office(command: OfficeCommand, provenance: Provenance) {
    return this.commands.execute(officeAggregate, { command, context: this.context(registrar, provenance) });
  }

  /**
   * Each force's chief officer (one illustrative holder) and policing body: its police authority,
   * then its PCC from 22 November 2012, then whatever body followed it in the reference data — the
   * same person continuing as PFCC (FRSA 2004 s4A), or the mayor taking PCC functions (Greater
   * Manchester from 8 May 2017). Each appointment and handover names its body.
   */
  private async officeHolders() {
    for (const force of DEMO_FORCES) {
      await this.office({ kind: 'AppointOfficeHolder', forceCode: force, office: 'chief-officer', holder: person(chief(force)), basis: 'substantive', occurredAt: at('2008-01-01') }, illustrative);
      await this.office({ kind: 'AppointOfficeHolder', forceCode: force, office: 'policing-body', holder: person(authority(force)), basis: 'substantive', body: 'police-authority', occurredAt: at('2008-01-01') }, illustrative);
      await this.office(
        { kind: 'HandOverOffice', forceCode: force, office: 'policing-body', outgoingPersonId: authority(force).personId, incoming: person(body(force)), basis: 'substantive', body: 'pcc', note: 'Police authorities abolished; the police and crime commissioner takes office (Police Reform and Social Responsibility Act 2011)', occurredAt: new Date(`${PA_ABOLISHED}T00:01:00Z`) },
        source(SOURCES.pccsTookOffice),
      );
      let holder = body(force);
      for (const next of policingBodiesOf(force)!.filter((b) => b.from !== null && b.from > PA_ABOLISHED)) {
        const incoming = next.kind === 'mayor' ? mayor(force) : body(force);
        const note = next.kind === 'mayor' ? `PCC functions pass to the ${next.name}` : `The commissioner becomes the fire and rescue authority and continues as ${next.name}`;
        const provenance = force === 'greater-manchester' ? source(SOURCES.greaterManchesterMayor) : source(`${next.source.citation}${next.source.url ? `: ${next.source.url}` : ''} (read ${next.source.readOn})`);
        await this.office({ kind: 'HandOverOffice', forceCode: force, office: 'policing-body', outgoingPersonId: holder.personId, incoming: person(incoming), basis: 'substantive', body: next.kind, note, occurredAt: at(next.from!) }, provenance);
        holder = incoming;
      }
    }
  }

  /** Proposed by the lead force's manager; signed by every party's chief officer and the policing body of the day. */
  private async agreement(spec: AgreementSpec) {
    const collaborationId = newId();
    await this.collaboration(
      manager(spec.lead),
      {
        kind: 'ProposeCollaboration',
        collaborationId,
        name: spec.name,
        purpose: spec.purpose,
        functions: spec.functions,
        parties: spec.parties,
        otherParties: [],
        leadForce: spec.lead,
        costSharing: 'Illustrative: in proportion to each force’s net revenue expenditure',
        noticePeriodMonths: spec.noticeMonths ?? 12,
        reviewDate: `${Number(spec.signed.slice(0, 4)) + 3}-04-01`,
        delegationScheme: spec.terms?.delegationScheme ?? [],
        annualBudget: spec.terms?.annualBudget ?? null,
        riskAppetite: spec.terms?.riskAppetite ?? null,
        publication: spec.terms?.publication ?? null,
        occurredAt: at(spec.proposed),
      },
      spec.provenance,
    );
    for (const party of spec.parties) {
      for (const signer of [chief(party), signatoryOn(party, spec.signed)]) {
        await this.collaboration(signer, { kind: 'SignAgreement', collaborationId, party, role: signer.role as Office, signatory: person(signer), occurredAt: at(spec.signed) }, spec.provenance);
      }
    }
    return collaborationId;
  }

  /** A variation every remaining party signs on one date (s23C(4)); its terms take effect then. */
  private async variation(collaborationId: string, lead: string, parties: string[], spec: { summary: string; changes: string; terms: TermsChange; proposed: string; signed: string; provenance: Provenance }) {
    const variationId = newId();
    await this.collaboration(manager(lead), { kind: 'ProposeVariation', collaborationId, variationId, summary: spec.summary, changes: spec.changes, terms: spec.terms, occurredAt: at(spec.proposed) }, spec.provenance);
    for (const party of parties) {
      for (const signer of [chief(party), signatoryOn(party, spec.signed)]) {
        await this.collaboration(signer, { kind: 'SignVariation', collaborationId, variationId, party, role: signer.role as Office, signatory: person(signer), occurredAt: at(spec.signed) }, spec.provenance);
      }
    }
    return variationId;
  }

  async load(): Promise<void> {
    await this.officeHolders();

    // North West Motorway Police Group: June 2008, Cheshire, Merseyside and Lancashire (s23, 1996 text; police authorities sign).
    const motorwayParties = ['cheshire', 'merseyside', 'lancashire'];
    const motorway = await this.agreement({ name: 'North West Motorway Police Group', purpose: 'Motorway policing across force boundaries', functions: ['roads policing'], parties: motorwayParties, lead: 'cheshire', proposed: '2008-06-02', signed: '2008-06-30', provenance: source(SOURCES.motorway) });
    await this.collaboration(chief('lancashire'), { kind: 'GiveWithdrawalNotice', collaborationId: motorway, party: 'lancashire', role: 'chief-officer', reason: 'Lancashire announced its intention to withdraw (April 2018)', effectiveOn: '2019-04-03', occurredAt: at('2018-04-03') }, source(SOURCES.motorway));
    // The day Lancashire left is not in the record: illustrative, on its notice's date.
    await this.collaboration(chief('lancashire'), { kind: 'RecordPartyWithdrawal', collaborationId: motorway, party: 'lancashire', occurredAt: at('2019-04-03') }, illustrative);
    await this.variation(motorway, 'cheshire', ['cheshire', 'merseyside'], { summary: 'The group is disbanded', changes: 'The parties end the agreement on 1 April 2025 (s23C(5))', terms: { endsOn: '2025-04-01' }, proposed: '2025-01-06', signed: '2025-02-03', provenance: source(SOURCES.motorway) });

    // West Mercia–Warwickshire alliance: June 2011 (s23/s23A, 2009 text); notice October 2018; s23G direction; ended by agreement 1 April 2020.
    const westMercia = await this.agreement({ name: 'West Mercia and Warwickshire Strategic Alliance', purpose: 'One set of support and operational services for two forces', functions: ['support services', 'operational services'], parties: ['west-mercia', 'warwickshire'], lead: 'west-mercia', proposed: '2011-06-01', signed: '2011-06-29', provenance: source(SOURCES.westMerciaMade) });
    await this.collaboration(body('west-mercia'), { kind: 'GiveWithdrawalNotice', collaborationId: westMercia, party: 'west-mercia', role: 'policing-body', reason: 'Notice to bring the strategic alliance to an end', effectiveOn: '2019-10-09', occurredAt: at('2018-10-09') }, source(SOURCES.westMerciaNotice));
    await this.collaboration(manager('west-mercia'), { kind: 'RecordDirection', collaborationId: westMercia, reference: 'Direction of the Home Secretary under Police Act 1996 s23G, 8 October 2019', direction: 'The collaboration agreement continues for a further six months, until 8 April 2020 or an earlier date the parties agree (end date as reported; the direction’s text is not in the record)', continueUntil: '2020-04-08', occurredAt: at('2019-10-08') }, source(SOURCES.westMerciaDirection));
    await this.variation(westMercia, 'west-mercia', ['west-mercia', 'warwickshire'], { summary: 'The alliance ends by agreement after the settlement', changes: 'The parties end the agreement on 1 April 2020 (s23C(5))', terms: { endsOn: '2020-04-01' }, proposed: '2020-03-30', signed: '2020-03-30', provenance: source(SOURCES.westMerciaEnd) });

    // South West Tri-force: set up in 2012, signed by the PCCs; notice April 2018; dogs back to local control and the alliance's end in April 2019.
    const triParties = ['avon-and-somerset', 'gloucestershire', 'wiltshire'];
    const triForce = await this.agreement({ name: 'South West Tri-force Specialist Operations', purpose: 'Major crime investigation, firearms, dogs and roads policing delivered once for three forces', functions: ['major crime investigation', 'firearms', 'dogs', 'roads policing'], parties: triParties, lead: 'gloucestershire', proposed: '2012-11-26', signed: '2012-12-17', provenance: source(SOURCES.triForceStart) });
    await this.collaboration(chief('avon-and-somerset'), { kind: 'GiveWithdrawalNotice', collaborationId: triForce, party: 'avon-and-somerset', role: 'chief-officer', reason: 'Intends to withdraw in April 2019 unless a revised structure is agreed', effectiveOn: '2019-04-03', occurredAt: at('2018-04-03') }, source(SOURCES.triForceNotice));
    // Entered in the order the record has them take effect: the dogs' return (April 2019) first, then the agreed end, already past, which ends it at once.
    await this.variation(triForce, 'gloucestershire', triParties, { summary: 'Police dogs return to local command and control', changes: 'Dogs removed from the functions in scope', terms: { functions: ['major crime investigation', 'firearms', 'roads policing'] }, proposed: '2018-11-20', signed: '2019-04-01', provenance: source(SOURCES.triForceEnd) });
    await this.variation(triForce, 'gloucestershire', triParties, { summary: 'The alliance ends in April 2019', changes: 'The parties end the agreement on 30 April 2019 (s23C(5); the day is illustrative)', terms: { endsOn: '2019-04-30' }, proposed: '2018-11-20', signed: '2018-12-03', provenance: source(SOURCES.triForceEnd) });

    // North West Regional Underwater Search and Marine Unit (operating since 1978; the current agreement is illustrative).
    await this.agreement({ name: 'North West Regional Underwater Search and Marine Unit', purpose: 'Underwater search and marine policing for six forces (operating since 1978)', functions: ['underwater search', 'marine policing'], parties: ['merseyside', 'greater-manchester', 'cheshire', 'cumbria', 'lancashire', 'north-wales'], lead: 'merseyside', proposed: '2013-01-07', signed: '2013-03-01', provenance: illustrative });

    // All Wales collaboration (governance MoU March 2014; the agreement's date is illustrative).
    const wales = ['dyfed-powys', 'gwent', 'north-wales', 'south-wales'];
    await this.agreement({ name: 'All Wales collaboration', purpose: 'Services delivered once for the four Welsh forces where that serves the public better (illustrative wording)', functions: ['procurement', 'specialist operations'], parties: wales, lead: 'south-wales', proposed: '2014-03-03', signed: '2014-03-26', provenance: illustrative, terms: { publication: { level: 'full', reason: null } } });

    // East Midlands Criminal Justice collaboration (the agreement's dates are illustrative).
    await this.agreement({ name: 'East Midlands Criminal Justice Service', purpose: 'One criminal justice service with a single technology platform and management structure for four forces', functions: ['criminal justice'], parties: ['leicestershire', 'lincolnshire', 'northamptonshire', 'nottinghamshire'], lead: 'nottinghamshire', proposed: '2013-10-01', signed: '2014-01-06', provenance: illustrative });

    // Seven Force Strategic Alliance: the s22A agreement recommended for approval in February 2016 (signing day illustrative); its terms illustrative.
    const sevenForces = ['bedfordshire', 'cambridgeshire', 'essex', 'hertfordshire', 'kent', 'norfolk', 'suffolk'];
    const sevenForce = await this.agreement({
      name: 'Seven Force Strategic Alliance',
      purpose: 'Work together across the eastern region to protect the public at lower cost (illustrative wording)',
      functions: ['procurement', 'ICT', 'specialist capabilities'],
      parties: sevenForces,
      lead: 'essex',
      proposed: '2016-02-16',
      signed: '2016-03-31',
      provenance: source(SOURCES.sevenForce),
      terms: {
        delegationScheme: [
          { category: 'financial', leadForceAloneUpToGbp: 250_000, aboveLimit: 'all-chief-officers' },
          { category: 'strategic', leadForceAloneUpToGbp: 0, aboveLimit: 'all-chief-officers-and-policing-bodies' },
        ],
        annualBudget: { financialYear: '2016/17', totalGbp: 7_000_000, contributions: sevenForces.map((party) => ({ party, amountGbp: 1_000_000 })) },
        publication: { level: 'redacted', reason: 'Illustrative: commercial schedules withheld' },
      },
    });
    const decisionId = newId();
    await this.decide(manager('essex'), { kind: 'ProposeDecision', decisionId, collaborationId: sevenForce, title: 'Joint procurement framework for vehicles (illustrative)', category: 'financial', valueGbp: 1_800_000, rationale: 'One framework instead of seven', optionsConsidered: ['seven contracts', 'one regional framework'], occurredAt: at('2016-05-03') });
    // Illustrative: Suffolk's chief constable away for a fortnight in May 2016, the deputy acting. The
    // designation and the hand-back each list what then awaited the office: the framework's approval.
    const suffolkDeputy = { personId: 'demo-dcc-suffolk', name: `Deputy Chief Constable of ${forceByCode('suffolk')!.name} (illustrative holder)` };
    await this.office({ kind: 'DesignateActingHolder', forceCode: 'suffolk', office: 'chief-officer', holder: suffolkDeputy, reason: 'The chief constable is on leave; the deputy acts (illustrative)', occurredAt: at('2016-05-09') }, illustrative);
    await this.office({ kind: 'HandOverOffice', forceCode: 'suffolk', office: 'chief-officer', outgoingPersonId: suffolkDeputy.personId, incoming: person(chief('suffolk')), basis: 'substantive', note: 'The chief constable returns from leave (illustrative)', occurredAt: at('2016-05-23') }, illustrative);
    for (const force of sevenForces) await this.decide(chief(force), { kind: 'ApproveDecision', decisionId, party: force, role: 'chief-officer', signatory: person(chief(force)), occurredAt: at('2016-05-24') });

    // Illustrative: a decision the lead force's chief constable took under urgency, outside the alliance's
    // delegation (above £250,000 it needs every chief officer), ratified by every approver it skipped; and the alliance's first review. Neither is in the public record: titles and dates are illustrative.
    const urgentId = newId();
    await this.decide(manager('essex'), { kind: 'ProposeDecision', decisionId: urgentId, collaborationId: sevenForce, title: 'Six-month extension of a shared contract about to end (illustrative)', category: 'financial', valueGbp: 400_000, rationale: 'The contract would end before a new one could be let (illustrative)', optionsConsidered: ['let the contract end', 'extend it for six months'], occurredAt: at('2016-09-12') });
    await this.decide(chief('essex'), { kind: 'TakeDecisionUnderUrgency', decisionId: urgentId, party: 'essex', role: 'chief-officer', signatory: person(chief('essex')), justification: 'The service would stop before every approver could meet (illustrative)', occurredAt: at('2016-09-13') });
    for (const force of sevenForces.filter((f) => f !== 'essex')) {
      await this.decide(chief(force), { kind: 'RatifyDecision', decisionId: urgentId, party: force, role: 'chief-officer', signatory: person(chief(force)), occurredAt: at('2016-10-04') });
    }
    await this.collaboration(manager('essex'), { kind: 'CompleteReview', collaborationId: sevenForce, outcome: 'continue', findings: 'The alliance continues; its first year of joint work reviewed (illustrative)', nextReviewDate: '2018-03-29', occurredAt: at('2017-03-30') });

    // Devon & Cornwall–Dorset Strategic Alliance: formally agreed March 2015; its 7 benefits (strategy approved October 2014).
    const alliance = await this.agreement({
      name: 'Devon and Cornwall and Dorset Strategic Alliance',
      purpose: 'Reduce cost overheads and improve efficiency across two forces',
      functions: ['support services', 'operational support'],
      parties: ['devon-and-cornwall', 'dorset'],
      lead: 'devon-and-cornwall',
      proposed: '2014-09-01',
      signed: '2015-03-27',
      provenance: source(SOURCES.allianceMade),
      terms: {
        delegationScheme: [{ category: 'financial', leadForceAloneUpToGbp: 500_000, aboveLimit: 'all-chief-officers' }, { category: 'strategic', leadForceAloneUpToGbp: 0, aboveLimit: 'all-chief-officers-and-policing-bodies' }],
        riskAppetite: { appetite: [{ category: 'financial', level: 'cautious' }, { category: 'operational', level: 'open' }, { category: 'reputational', level: 'minimal' }, { category: 'partnership', level: 'open' }], statement: 'The alliance’s agreed appetite (illustrative)' },
      },
    });
    const benefits: Array<[string, 'economic' | 'efficiency' | 'effectiveness']> = [
      ['Cashable savings from a single support structure', 'economic'],
      ['Non-cashable savings: officer and staff time released', 'efficiency'],
      ['Resilience of specialist capabilities', 'effectiveness'],
      ['Consistency of service to the public across both areas', 'effectiveness'],
      ['Better use of shared technology', 'effectiveness'],
      ['Shared learning and best practice', 'effectiveness'],
      ['Improved staff capability in change', 'effectiveness'],
    ];
    const response = source(SOURCES.devonCornwallResponse);
    for (const [title, category] of benefits) {
      const benefitId = newId();
      await this.benefit(manager('devon-and-cornwall'), { kind: 'IdentifyBenefit', benefitId, collaborationId: alliance, title: `${title} (measures illustrative)`, category, measure: category === 'economic' ? 'annualised saving' : 'index against baseline', measureKind: category === 'economic' ? 'annualised-run-rate' : 'per-period', unit: category === 'economic' ? 'GBP' : 'index', baseline: 0, target: category === 'economic' ? 12_000_000 : 100, targetDate: '2018-03-31', owner: person(manager('devon-and-cornwall')), sharePerForce: [{ party: 'devon-and-cornwall', percent: 62.5 }, { party: 'dorset', percent: 37.5 }], occurredAt: at('2014-10-15') }, response);
      await this.benefit(chief('devon-and-cornwall'), { kind: 'ApproveBenefitProfile', benefitId, occurredAt: at('2014-10-31') }, response);
      if (category === 'effectiveness') {
        // Non-financial benefits: each business area monitors them after a post-implementation review (seed 002).
        await this.benefit(manager('devon-and-cornwall'), { kind: 'RecordPostImplementationReview', benefitId, findings: 'Reviewed when the programme closed (findings illustrative)', occurredAt: at('2018-06-29') }, response);
        await this.benefit(manager('devon-and-cornwall'), { kind: 'HandBenefitToBusinessAsUsual', benefitId, owner: person(manager('devon-and-cornwall')), note: 'Monitored by the Alliance business area after the programme closed', occurredAt: at('2018-07-02') }, response);
      }
    }
    // The merger proposal (September 2017): escalated to the policing bodies; the PCC did not support it on 5 October 2018.
    const mergerId = newId();
    await this.decide(manager('devon-and-cornwall'), { kind: 'ProposeDecision', decisionId: mergerId, collaborationId: alliance, title: 'Submit the full business case for a merger of the two forces', category: 'strategic', valueGbp: 0, rationale: 'Build on the alliance', optionsConsidered: ['alliance as is', 'merger'], occurredAt: at('2017-09-04') }, source(SOURCES.allianceMerger));
    await this.decide(manager('devon-and-cornwall'), { kind: 'EscalateDecision', decisionId: mergerId, to: 'all-chief-officers-and-policing-bodies', reason: 'A merger business case goes to both PCCs', occurredAt: at('2017-09-05') }, illustrative);
    await this.decide(body('devon-and-cornwall'), { kind: 'RejectDecision', decisionId: mergerId, party: 'devon-and-cornwall', role: 'policing-body', signatory: person(body('devon-and-cornwall')), reason: 'Not convinced a merger would be in the best interests of the public of Devon and Cornwall', occurredAt: at('2018-10-05') }, source(SOURCES.allianceMerger));

    // The Hard Yards recommendation, as Nottinghamshire tracks it (overseen by the deputy chief constable; seed 004).
    const recommendationId = newId();
    const notts = source(SOURCES.nottinghamshireResponse);
    await this.recommend(chief('nottinghamshire'), { kind: 'RaiseRecommendation', recommendationId, source: 'inspection-report', reference: 'PEEL spotlight report: The Hard Yards – Police to police collaboration (HMICFRS, 21 July 2020)', recommendationKind: 'recommendation', text: 'Forces that have not yet implemented an effective system to track the benefits of their collaborations should use the methodology the NPCC, College of Policing and Home Office identify.', addressedTo: 'nottinghamshire', owner: { personId: 'demo-dcc-nottinghamshire', name: 'Deputy Chief Constable of Nottinghamshire (illustrative holder)' }, dueDate: '2020-09-14', reportPublishedOn: HARD_YARDS_PUBLISHED, occurredAt: at('2020-07-21') }, source(SOURCES.hardYards));
    await this.recommend(body('nottinghamshire'), { kind: 'PublishPolicingBodyResponse', recommendationId, response: 'The Force will continue to use its 4ACTION database for tracking and responding to HMICFRS recommendations, overseen by the Deputy Chief Constable, with regular reports to the Joint Audit and Scrutiny Panel.', occurredAt: at('2020-12-01') }, notts);

    // The same recommendation, as Devon and Cornwall answered it (seed 002).
    const dcRecommendationId = newId();
    await this.recommend(chief('devon-and-cornwall'), { kind: 'RaiseRecommendation', recommendationId: dcRecommendationId, source: 'inspection-report', reference: 'PEEL spotlight report: The Hard Yards – Police to police collaboration (HMICFRS, 21 July 2020)', recommendationKind: 'recommendation', text: 'Forces that have not yet implemented an effective system to track the benefits of their collaborations should use the methodology the NPCC, College of Policing and Home Office identify.', addressedTo: 'devon-and-cornwall', owner: person(chief('devon-and-cornwall')), dueDate: '2020-09-14', reportPublishedOn: HARD_YARDS_PUBLISHED, occurredAt: at('2020-07-21') }, source(SOURCES.hardYards));
    await this.recommend(body('devon-and-cornwall'), { kind: 'PublishPolicingBodyResponse', recommendationId: dcRecommendationId, response: 'Benefits management has been in place since 2009; the Strategic Alliance with Dorset set out 7 key benefits in its Benefits Management Strategy (October 2014), tracked through governance until the programme closed, cashable savings then within business-as-usual budget monitoring. (Summary of the Chief Constable’s and the PCC’s published response.)', occurredAt: at('2020-09-14') }, response);

    // The report's two national recommendations (seeds 000 and 001), each addressed to the NPCC, the College of Policing and the
    // Home Office together: recorded once for each body, by the registrar who keeps the national register. The report sets them
    // no date, so the owners and due dates are illustrative, and the due date is put a year after the demo is loaded: the demo must
    // never show a real national body as overdue on a date it did not set. A national body has no local policing body, so no s55
    // response is due.
    const nationalDueDate = `${this.receivedAt.getUTCFullYear() + 1}-07-21`;
    const national = [
      'The NPCC, College of Policing and the Home Office should work together to establish a central repository for police collaborations.',
      'The NPCC, College of Policing and the Home Office should identify a methodology that supports forces in tracking benefits for police collaborations.',
    ];
    for (const text of national) {
      for (const code of ['npcc', 'college-of-policing', 'home-office']) {
        const name = nationalBodyByCode(code)!.name;
        await this.recommend(registrar, { kind: 'RaiseRecommendation', recommendationId: newId(), source: 'inspection-report', reference: HARD_YARDS, recommendationKind: 'recommendation', text, addressedTo: code, owner: { personId: `demo-owner-${code}`, name: `${name} (illustrative holder)` }, dueDate: nationalDueDate, reportPublishedOn: HARD_YARDS_PUBLISHED, occurredAt: at('2020-07-21') }, illustrative);
      }
    }
  }
}
