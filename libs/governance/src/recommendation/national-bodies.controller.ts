import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '#identity';
import { NATIONAL_BODIES } from './national-bodies.js';

export class NationalBodyView {
  @ApiProperty({ example: 'npcc', description: 'The code a recommendation is addressed to (never a force code)' }) code!: string;
  @ApiProperty({ example: "National Police Chiefs' Council" }) name!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The first day it existed, when the public record gives it; a recommendation to it dated earlier is refused' }) from!: string | null;
  @ApiProperty({ description: 'Where the ledger has this from' }) source!: string;
}

export class NationalBodiesView {
  @ApiProperty({ type: [NationalBodyView] }) items!: NationalBodyView[];
  @ApiProperty() total!: number;
}

/** Reference data: the national bodies a recommendation may be addressed to besides a force, with their names. */
@ApiTags('recommendations')
@Controller()
export class NationalBodiesController {
  @Get('national-bodies')
  @Public()
  @ApiOperation({ summary: 'The national bodies a recommendation may be addressed to besides a force (NPCC, College of Policing, Home Office, APCC), with their names' })
  @ApiOkResponse({ type: NationalBodiesView })
  nationalBodies(): NationalBodiesView {
    return { items: NATIONAL_BODIES.map((b) => ({ ...b })), total: NATIONAL_BODIES.length };
  }
}
