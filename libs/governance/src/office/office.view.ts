import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PersonView } from '../views.js';

export class OfficeTenureView {
  @ApiProperty({ type: PersonView }) holder!: PersonView;
  @ApiProperty({ enum: ['substantive', 'acting'] }) basis!: string;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Absent while the tenure lasts' }) to?: string;
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
