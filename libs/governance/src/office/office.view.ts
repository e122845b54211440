import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { POLICING_BODY_KINDS } from '../reference-data/policing-bodies.js';
import { PendingItemView, PersonView } from '../views.js';

export class OfficeTenureView {
  @ApiProperty({ type: PersonView }) holder!: PersonView;
  @ApiProperty({ enum: ['substantive', 'acting'] }) basis!: string;
  @ApiProperty({
    type: String,
    enum: POLICING_BODY_KINDS,
    nullable: true,
    description: 'The policing body the holder held office in (policing-body office); null for the chief officer',
  })
  body!: string | null;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Absent while the tenure lasts' }) to?: string;
  @ApiPropertyOptional({
    type: [PendingItemView],
    description: 'Everything pending for the office as at the tenure’s end (the handover, acting designation or vacancy that ended it), computed from the log as it then stood; absent while the tenure lasts',
  })
  pendingAtEnd?: PendingItemView[];
}

/** Who held an office when, as it stood (asOf) and as it was known (knownAt). */
export class OfficeView {
  @ApiProperty({ example: 'kent' }) forceCode!: string;
  @ApiProperty({ enum: ['chief-officer', 'policing-body'] }) office!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: OfficeTenureView, nullable: true }) currentHolder!: OfficeTenureView | null;
  @ApiProperty({ type: [OfficeTenureView] }) tenures!: OfficeTenureView[];
}

export class ForceView {
  @ApiProperty({ example: 'devon-and-cornwall' }) code!: string;
  @ApiProperty({ example: 'Devon and Cornwall Police' }) name!: string;
  @ApiProperty({ example: 'South West' }) region!: string;
  @ApiProperty({ example: 'Police and Crime Commissioner for Devon, Cornwall and the Isles of Scilly' }) policingBody!: string;
  @ApiProperty({ enum: ['PCC', 'PFCC', 'mayor', 'police-authority'] }) policingBodyType!: string;
}

export class ForcesView {
  @ApiProperty({ type: [ForceView] }) items!: ForceView[];
  @ApiProperty() total!: number;
}

export class PolicingBodySourceView {
  @ApiProperty({ example: 'Police Reform and Social Responsibility Act 2011 s1 and Sch 1; Part 1 and Schedules 1 and 15 in force 22 November 2012 (SI 2012/2892 art 2)' })
  citation!: string;
  @ApiPropertyOptional({ example: 'https://www.legislation.gov.uk/uksi/2012/2892/made' }) url?: string;
  @ApiProperty({ format: 'date', description: 'The day the source was read' }) readOn!: string;
  @ApiProperty({ description: 'Whether the days of this entry were confirmed from the source; if not, `note` says what is missing' }) verified!: boolean;
  @ApiPropertyOptional() note?: string;
}

export class PolicingBodyView {
  @ApiProperty({ enum: POLICING_BODY_KINDS, example: 'pcc' }) kind!: string;
  @ApiProperty({ example: 'Police and Crime Commissioner for Kent' }) name!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'First day in office; null: before the period the ledger records' }) from!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'First day no longer in office; null while it holds office' }) to!: string | null;
  @ApiProperty({
    type: String,
    enum: POLICING_BODY_KINDS,
    nullable: true,
    description: 'The body this one continues in law under another style (a PFCC is the PCC): a holder recorded in it may still act',
  })
  continues!: string | null;
  @ApiProperty({ type: PolicingBodySourceView }) source!: PolicingBodySourceView;
}

/** A force's policing bodies over time: who could sign for its policing body, when. */
export class PolicingBodiesView {
  @ApiProperty({ example: 'greater-manchester' }) forceCode!: string;
  @ApiProperty({ example: 'Greater Manchester Police' }) forceName!: string;
  @ApiProperty({ type: [PolicingBodyView], description: 'In order; each from its first day up to (not including) its `to`' }) items!: PolicingBodyView[];
}
