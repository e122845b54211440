import { OccurredAtDto, TextField } from '../../http.js';

export class ProposeClosureRequest extends OccurredAtDto {
  @TextField('All four forces track benefits with the national methodology; evidence submitted')
  note!: string;
}
