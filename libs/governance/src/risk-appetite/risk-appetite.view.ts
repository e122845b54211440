import { ApiProperty } from '@nestjs/swagger';
import { RISK_CATEGORIES, RISK_LEVELS } from '../risk.js';

class LevelHistoryView {
  @ApiProperty({ enum: RISK_LEVELS }) level!: string;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}
class AppetiteEntryView {
  @ApiProperty({ enum: ['operational', 'strategic'], description: 'operational: the chief officer’s; strategic: the policing body’s' }) remit!: string;
  @ApiProperty({ enum: RISK_CATEGORIES }) category!: string;
  @ApiProperty({ enum: RISK_LEVELS }) level!: string;
  @ApiProperty() statement!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
  @ApiProperty({ type: [LevelHistoryView] }) history!: LevelHistoryView[];
}

/** A force's declared appetite per remit and category, with every revision. */
export class RiskAppetiteView {
  @ApiProperty() forceCode!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [AppetiteEntryView] }) entries!: AppetiteEntryView[];
}
