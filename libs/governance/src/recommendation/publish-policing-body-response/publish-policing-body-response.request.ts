import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { OccurredAtDto, TextField } from '../../http.js';

export class PublishPolicingBodyResponseRequest extends OccurredAtDto {
  @TextField('The Commissioner welcomes the report…', 50000)
  response!: string;

  @ApiPropertyOptional({ example: 'The Chief Constable accepts the recommendation…', maxLength: 50000, description: 'The chief officer’s comments, published with the response (Police Act 1996 s55(5))' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50000)
  chiefOfficerComments?: string;
}
