import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PartyRequest } from '../../http.js';

export class RescindWithdrawalNoticeRequest extends PartyRequest {
  @ApiProperty({ example: 'Revised cost-sharing formula agreed' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
