import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { FORCE_CODES, IsCalendarDate, OccurredAtDto } from '../../http.js';

export class ProposeCollaborationRequest extends OccurredAtDto {
  @ApiProperty({ example: 'South West Tri-force Specialist Operations' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'Firearms, dogs and roads policing delivered once for three forces, to the same standard, at lower cost.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  purpose!: string;

  @ApiProperty({ example: ['firearms', 'dogs', 'roads policing'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  functions!: string[];

  @ApiProperty({ example: ['avon-and-somerset', 'gloucestershire', 'wiltshire'], description: 'Force codes (GET /forces), at least two' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(43)
  @IsIn(FORCE_CODES, { each: true })
  parties!: string[];

  @ApiProperty({ example: 'gloucestershire' })
  @IsIn(FORCE_CODES)
  leadForce!: string;

  @ApiProperty({ example: 'Shared in proportion to each force’s net revenue expenditure' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  costSharing!: string;

  @ApiProperty({ example: 12, description: 'Months of notice a party must give to withdraw' })
  @IsInt()
  @Min(0)
  @Max(60)
  noticePeriodMonths!: number;

  @ApiProperty({ example: '2015-04-01', format: 'date' })
  @IsCalendarDate()
  reviewDate!: string;
}
