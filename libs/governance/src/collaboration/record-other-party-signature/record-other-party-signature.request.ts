import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { Nested, OccurredAtDto, PersonDto } from '../../http.js';

export class RecordOtherPartySignatureRequest extends OccurredAtDto {
  @ApiProperty({ example: 'devon-somerset-fra', description: 'The other party’s id in the agreement (otherParties[].partyId)' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'party must be an other party’s id: 2 to 63 lower-case letters, digits or hyphens' })
  party!: string;

  @ApiProperty({ type: PersonDto, description: 'Who signed for it: its authorised signatory' })
  @Nested(() => PersonDto)
  signatory!: PersonDto;

  @ApiPropertyOptional({ format: 'uuid', description: 'The variation signed; without it, the agreement' })
  @IsOptional()
  @IsUUID()
  variationId?: string;
}
