import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsNumber, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { OccurredAtDto } from '../../http.js';
import { DECISION_CATEGORIES, type DecisionCategory } from '../../risk.js';

export class ProposeDecisionRequest extends OccurredAtDto {
  @ApiProperty({ example: '6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b' })
  @IsUUID()
  collaborationId!: string;

  @ApiProperty({ example: 'Replace the firearms training range target system' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiProperty({ enum: DECISION_CATEGORIES, example: 'financial' })
  @IsIn(DECISION_CATEGORIES)
  category!: DecisionCategory;

  @ApiProperty({ example: 180000, description: 'Value in pounds' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e12)
  valueGbp!: number;

  @ApiProperty({ example: 'The current system is out of support from March' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  rationale!: string;

  @ApiProperty({ example: ['Repair the existing system', 'Replace it', 'Share a neighbouring range'], minItems: 1, maxItems: 20, description: 'At least one: a decision records what was weighed' })
  @IsArray()
  @ArrayMinSize(1, { message: 'optionsConsidered must name at least one option: a decision records what was weighed' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(1000, { each: true })
  optionsConsidered!: string[];
}
