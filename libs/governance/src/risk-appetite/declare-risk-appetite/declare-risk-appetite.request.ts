import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { OccurredAtDto } from '../../http.js';
import { RISK_CATEGORIES, RISK_LEVELS, type RiskCategory, type RiskLevel } from '../../risk.js';

export class DeclareRiskAppetiteRequest extends OccurredAtDto {
  @ApiProperty({ enum: RISK_CATEGORIES, example: 'operational' })
  @IsIn(RISK_CATEGORIES)
  category!: RiskCategory;

  @ApiProperty({ enum: RISK_LEVELS, example: 'cautious' })
  @IsIn(RISK_LEVELS)
  level!: RiskLevel;

  @ApiProperty({ example: 'We accept modest risk to service delivery to release efficiencies' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  statement!: string;
}
