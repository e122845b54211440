import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNumber, Max, Min } from 'class-validator';
import { NestedList, OccurredAtDto } from '../../http.js';
import { DECISION_CATEGORIES, type DecisionCategory } from '../../risk.js';

export class DelegationRuleDto {
  @ApiProperty({ enum: DECISION_CATEGORIES, example: 'financial' })
  @IsIn(DECISION_CATEGORIES)
  category!: DecisionCategory;

  @ApiProperty({ example: 250000, description: 'The lead force may decide alone up to this value in pounds (0: never alone)' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e12)
  leadForceAloneUpToGbp!: number;

  @ApiProperty({ enum: ['all-chief-officers', 'all-chief-officers-and-policing-bodies'], example: 'all-chief-officers' })
  @IsIn(['all-chief-officers', 'all-chief-officers-and-policing-bodies'])
  aboveLimit!: 'all-chief-officers' | 'all-chief-officers-and-policing-bodies';
}

export class AdoptDelegationSchemeRequest extends OccurredAtDto {
  @ApiProperty({ type: [DelegationRuleDto] })
  @NestedList(() => DelegationRuleDto, { min: 1, max: DECISION_CATEGORIES.length })
  rules!: DelegationRuleDto[];
}
