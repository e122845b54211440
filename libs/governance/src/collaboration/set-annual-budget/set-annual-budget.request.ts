import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNumber, Matches, Max, Min, ValidateNested } from 'class-validator';
import { FORCE_CODES, OccurredAtDto } from '../../http.js';

export class ContributionDto {
  @ApiProperty({ example: 'wiltshire' })
  @IsIn(FORCE_CODES)
  party!: string;

  @ApiProperty({ example: 3250000 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e12)
  amountGbp!: number;
}

export class SetAnnualBudgetRequest extends OccurredAtDto {
  @ApiProperty({ example: '2016/17' })
  @Matches(/^\d{4}\/\d{2}$/, { message: 'financialYear must look like 2016/17' })
  financialYear!: string;

  @ApiProperty({ example: 9750000 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e12)
  totalGbp!: number;

  @ApiProperty({ type: [ContributionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(43)
  @ValidateNested({ each: true })
  @Type(() => ContributionDto)
  contributions!: ContributionDto[];
}
