import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { FORCE_CODES, OccurredAtDto } from '../../http.js';

export class ChangeLeadForceRequest extends OccurredAtDto {
  @ApiProperty({ example: 'wiltshire', description: 'A remaining party' })
  @IsIn(FORCE_CODES)
  to!: string;

  @ApiProperty({ example: 'Hosting moves with the new operational base' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
