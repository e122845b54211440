import { PartyRequest } from '../../http.js';

/** The party force you act for (your own), and when you signed or acted. */
export class SignVariationRequest extends PartyRequest {}
