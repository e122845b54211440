import { OccurredAtDto, TextField } from '../../http.js';

export class PublishPolicingBodyResponseRequest extends OccurredAtDto {
  @TextField('The Commissioner welcomes the report…', 50000)
  response!: string;
}
