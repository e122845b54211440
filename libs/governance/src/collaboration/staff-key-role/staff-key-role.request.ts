import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { OccurredAtDto, PersonDto } from '../../http.js';

export class StaffKeyRoleRequest extends OccurredAtDto {
  @ApiProperty({ example: 'senior-responsible-owner' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  keyRole!: string;

  @ApiProperty({ type: PersonDto })
  @ValidateNested()
  @Type(() => PersonDto)
  person!: PersonDto;

  @ApiProperty({ example: true })
  @IsBoolean()
  trainedInCollaboration!: boolean;

  @ApiProperty({ example: false })
  @IsBoolean()
  trainedInChangeManagement!: boolean;
}
