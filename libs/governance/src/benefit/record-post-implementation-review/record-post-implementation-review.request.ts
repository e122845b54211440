import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { OccurredAtDto } from '../../http.js';

export class RecordPostImplementationReviewRequest extends OccurredAtDto {
  @ApiProperty({ example: 'Savings sustained; non-cashable benefits not tracked after programme close' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  findings!: string;
}
