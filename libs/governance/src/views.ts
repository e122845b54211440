import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PENDING_KINDS, type PendingItem, type RecommendationAwaiting } from './office/office.events.js';

/** Shapes that several aggregates' views share, for the OpenAPI document. */
export class PersonView {
  @ApiProperty({ example: 'p-0042' }) personId!: string;
  @ApiProperty({ example: 'Chief Constable Jane Example (illustrative)' }) name!: string;
}

export class ApproverView {
  @ApiProperty({ example: 'kent' }) party!: string;
  @ApiProperty({ enum: ['chief-officer', 'policing-body'] }) role!: string;
}

/** One thing that awaited the office when the tenure ended, as at that date (PendingItem; fields by kind). */
export class PendingItemView {
  @ApiProperty({ enum: PENDING_KINDS, description: 'What awaited the office: a signature of an agreement or variation, a decision’s approval, an urgent decision’s ratification, a recommendation’s action' })
  kind!: PendingItem['kind'];
  @ApiProperty({ example: 'Seven Force Strategic Alliance', description: 'What people read: the agreement’s name, the variation’s summary, the decision’s title, the report’s reference' })
  name!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it began to await the office (occurred time); null in handovers recorded before it was kept' })
  since!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The collaboration; null for a recommendation about none' })
  collaborationId!: string | null;
  @ApiPropertyOptional({ description: 'variation-signature, decision-approval, ratification: the collaboration’s name' }) collaborationName?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'variation-signature' }) variationId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'decision-approval, ratification' }) decisionId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'recommendation-action' }) recommendationId?: string;
  @ApiPropertyOptional({
    enum: ['implementation', 'closure-decision', 's55-response'],
    description: 'recommendation-action: the chief officer’s to implement; the policing body’s to decide a proposed closure or to publish its s55 response',
  })
  awaiting?: RecommendationAwaiting;
  @ApiPropertyOptional({ format: 'date', description: 'recommendation-action: its due date then' }) dueDate?: string;
}
