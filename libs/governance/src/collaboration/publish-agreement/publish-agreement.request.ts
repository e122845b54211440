import { IntersectionType } from '@nestjs/swagger';
import { OccurredAtDto } from '../../http.js';
import { PublicationDto } from '../terms.request.js';

export class PublishAgreementRequest extends IntersectionType(PublicationDto, OccurredAtDto) {}
