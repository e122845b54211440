import { OccurredAtDto, TextField } from '../../http.js';

export class ReportProgressRequest extends OccurredAtDto {
  @TextField('Methodology adopted by two of the four forces')
  note!: string;
}
