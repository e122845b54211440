import { IntersectionType } from '@nestjs/swagger';
import { OccurredAtDto } from '../../http.js';
import { AgreedRiskAppetiteDto } from '../terms.request.js';

export class AgreeRiskAppetiteRequest extends IntersectionType(AgreedRiskAppetiteDto, OccurredAtDto) {}
