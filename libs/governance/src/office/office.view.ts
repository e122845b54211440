import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PendingItemView, PersonView } from '../views.js';

export class OfficeTenureView {
  @ApiProperty({ type: PersonView }) holder!: PersonView;
  @ApiProperty({ enum: ['substantive', 'acting'] }) basis!: string;
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
