import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { FORCE_CODES, IsCalendarDate, OccurredAtDto } from '../../http.js';

export class GiveWithdrawalNoticeRequest extends OccurredAtDto {
  @ApiProperty({ example: 'avon-and-somerset', description: 'Your own force (area)' })
  @IsIn(FORCE_CODES)
  party!: string;

  @ApiProperty({ example: 'Specialist operations return to local control' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;

  @ApiProperty({ example: '2019-04-03', format: 'date', description: 'YYYY-MM-DD; not before the notice period has run' })
  @IsCalendarDate()
  effectiveOn!: string;
}
