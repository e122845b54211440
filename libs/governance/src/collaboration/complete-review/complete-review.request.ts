import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, OccurredAtDto } from '../../http.js';

export class CompleteReviewRequest extends OccurredAtDto {
  @ApiProperty({ enum: ['continue', 'vary', 'terminate'], example: 'vary' })
  @IsIn(['continue', 'vary', 'terminate'])
  outcome!: 'continue' | 'vary' | 'terminate';

  @ApiProperty({ example: 'Benefits realised for firearms; dogs better delivered locally' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  findings!: string;

  @ApiPropertyOptional({ example: '2019-04-01', format: 'date', description: 'Required when the outcome is continue' })
  @IsOptional()
  @IsCalendarDate()
  nextReviewDate?: string;
}
