import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { OccurredAtDto } from '../../http.js';

export class RestatePurposeRequest extends OccurredAtDto {
  @ApiProperty({ example: 'A single specialist operations service that meets the threat across the three force areas' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  purpose!: string;

  @ApiProperty({ example: 'Annual review: purpose updated to reflect the regional threat assessment' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
