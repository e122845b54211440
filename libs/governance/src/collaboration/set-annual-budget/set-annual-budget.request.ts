import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNumber, Matches, Max, Min } from 'class-validator';
import { FORCE_CODES, NestedList, OccurredAtDto } from '../../http.js';

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
  @NestedList(() => ContributionDto, { min: 1, max: 43 })
  contributions!: ContributionDto[];
}
