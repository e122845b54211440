import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Nested, OccurredAtDto, PersonDto } from '../../http.js';

export class StaffKeyRoleRequest extends OccurredAtDto {
  @ApiProperty({ example: 'senior-responsible-owner' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  keyRole!: string;

  @ApiProperty({ type: PersonDto })
  @Nested(() => PersonDto)
  person!: PersonDto;

  @ApiProperty({ example: true })
  @IsBoolean()
  trainedInCollaboration!: boolean;

  @ApiProperty({ example: false })
  @IsBoolean()
  trainedInChangeManagement!: boolean;
}
