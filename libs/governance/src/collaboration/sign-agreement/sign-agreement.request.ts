import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { FORCE_CODES, OccurredAtDto } from '../../http.js';

export class SignAgreementRequest extends OccurredAtDto {
  @ApiProperty({ example: 'wiltshire', description: 'The party force signed for: your own force (area)' })
  @IsIn(FORCE_CODES)
  party!: string;
}
