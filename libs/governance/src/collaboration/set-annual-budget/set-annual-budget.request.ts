import { IntersectionType } from '@nestjs/swagger';
import { OccurredAtDto } from '../../http.js';
import { AnnualBudgetDto } from '../terms.request.js';

export class SetAnnualBudgetRequest extends IntersectionType(AnnualBudgetDto, OccurredAtDto) {}
