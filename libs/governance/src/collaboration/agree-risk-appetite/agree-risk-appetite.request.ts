import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { NestedList, OccurredAtDto } from '../../http.js';
import { RISK_CATEGORIES, RISK_LEVELS, type RiskCategory, type RiskLevel } from '../../risk.js';

export class AppetiteDto {
  @ApiProperty({ enum: RISK_CATEGORIES, example: 'operational' })
  @IsIn(RISK_CATEGORIES)
  category!: RiskCategory;

  @ApiProperty({ enum: RISK_LEVELS, example: 'cautious' })
  @IsIn(RISK_LEVELS)
  level!: RiskLevel;
}

export class AgreeRiskAppetiteRequest extends OccurredAtDto {
  @ApiProperty({ type: [AppetiteDto] })
  @NestedList(() => AppetiteDto, { min: 1, max: RISK_CATEGORIES.length })
  appetite!: AppetiteDto[];

  @ApiProperty({ example: 'Cautious on service delivery, open to innovation in partnership working' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  statement!: string;
}
