import { ApiProperty } from '@nestjs/swagger';

/** Shapes that several aggregates' views share, for the OpenAPI document. */
export class PersonView {
  @ApiProperty({ example: 'p-0042' }) personId!: string;
  @ApiProperty({ example: 'Chief Constable Jane Example (illustrative)' }) name!: string;
}

export class ApproverView {
  @ApiProperty({ example: 'kent' }) party!: string;
  @ApiProperty({ enum: ['chief-officer', 'policing-body'] }) role!: string;
}
