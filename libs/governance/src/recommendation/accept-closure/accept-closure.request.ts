import { OccurredAtDto, TextField } from '../../http.js';

export class AcceptClosureRequest extends OccurredAtDto {
  @TextField('Evidence reviewed by the Joint Audit and Scrutiny Panel: closed')
  note!: string;
}
