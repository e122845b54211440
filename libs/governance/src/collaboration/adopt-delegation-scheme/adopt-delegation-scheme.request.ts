import { ApiProperty } from '@nestjs/swagger';
import { NestedList, OccurredAtDto } from '../../http.js';
import { DECISION_CATEGORIES } from '../../risk.js';
import { DelegationRuleDto } from '../terms.request.js';

export class AdoptDelegationSchemeRequest extends OccurredAtDto {
  @ApiProperty({ type: [DelegationRuleDto] })
  @NestedList(() => DelegationRuleDto, { min: 1, max: DECISION_CATEGORIES.length })
  rules!: DelegationRuleDto[];
}
