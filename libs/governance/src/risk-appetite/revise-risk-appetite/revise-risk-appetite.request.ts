import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { DeclareRiskAppetiteRequest } from '../declare-risk-appetite/declare-risk-appetite.request.js';

export class ReviseRiskAppetiteRequest extends DeclareRiskAppetiteRequest {
  @ApiProperty({ example: 'New chief constable’s strategic direction' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;
}
