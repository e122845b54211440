import { OccurredAtDto, TextField } from '../../http.js';

export class SubmitEvidenceRequest extends OccurredAtDto {
  @TextField('JASP paper 2021/14 (illustrative)', 500)
  reference!: string;

  @TextField('Board minutes adopting the methodology; first quarterly benefits report')
  description!: string;
}
