import { OccurredAtDto, TextField } from '../../http.js';

export class RejectClosureRequest extends OccurredAtDto {
  @TextField('Evidence shows adoption, not use: bring a benefits report')
  reason!: string;
}
