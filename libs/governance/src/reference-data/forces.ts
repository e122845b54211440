/**
 * The 43 territorial police forces of England and Wales and their policing bodies (public facts,
 * as at 2026). `policingBodyType`: PCC (police and crime commissioner), PFCC (police, fire and crime
 * commissioner), mayor (an elected mayor holding PCC functions, or the Mayor's Office for Policing
 * and Crime in London), police-authority (the City of London's Common Council).
 */
export type PolicingBodyType = 'PCC' | 'PFCC' | 'mayor' | 'police-authority';
export type Region =
  | 'North East'
  | 'North West'
  | 'Yorkshire and the Humber'
  | 'East Midlands'
  | 'West Midlands'
  | 'Eastern'
  | 'London'
  | 'South East'
  | 'South West'
  | 'Wales';

export interface Force {
  code: string;
  name: string;
  region: Region;
  policingBody: string;
  policingBodyType: PolicingBodyType;
}

const pcc = (area: string) => `Police and Crime Commissioner for ${area}`;
const pfcc = (area: string) => `Police, Fire and Crime Commissioner for ${area}`;

export const FORCES: readonly Force[] = Object.freeze([
  { code: 'avon-and-somerset', name: 'Avon and Somerset Police', region: 'South West', policingBody: pcc('Avon and Somerset'), policingBodyType: 'PCC' },
  { code: 'bedfordshire', name: 'Bedfordshire Police', region: 'Eastern', policingBody: pcc('Bedfordshire'), policingBodyType: 'PCC' },
  { code: 'cambridgeshire', name: 'Cambridgeshire Constabulary', region: 'Eastern', policingBody: pcc('Cambridgeshire and Peterborough'), policingBodyType: 'PCC' },
  { code: 'cheshire', name: 'Cheshire Constabulary', region: 'North West', policingBody: pcc('Cheshire'), policingBodyType: 'PCC' },
  { code: 'city-of-london', name: 'City of London Police', region: 'London', policingBody: 'Common Council of the City of London (police authority)', policingBodyType: 'police-authority' },
  { code: 'cleveland', name: 'Cleveland Police', region: 'North East', policingBody: pcc('Cleveland'), policingBodyType: 'PCC' },
  { code: 'cumbria', name: 'Cumbria Constabulary', region: 'North West', policingBody: pfcc('Cumbria'), policingBodyType: 'PFCC' },
  { code: 'derbyshire', name: 'Derbyshire Constabulary', region: 'East Midlands', policingBody: pcc('Derbyshire'), policingBodyType: 'PCC' },
  { code: 'devon-and-cornwall', name: 'Devon and Cornwall Police', region: 'South West', policingBody: pcc('Devon, Cornwall and the Isles of Scilly'), policingBodyType: 'PCC' },
  { code: 'dorset', name: 'Dorset Police', region: 'South West', policingBody: pcc('Dorset'), policingBodyType: 'PCC' },
  { code: 'durham', name: 'Durham Constabulary', region: 'North East', policingBody: pcc('County Durham and Darlington'), policingBodyType: 'PCC' },
  { code: 'dyfed-powys', name: 'Dyfed-Powys Police', region: 'Wales', policingBody: pcc('Dyfed-Powys'), policingBodyType: 'PCC' },
  { code: 'essex', name: 'Essex Police', region: 'Eastern', policingBody: pfcc('Essex'), policingBodyType: 'PFCC' },
  { code: 'gloucestershire', name: 'Gloucestershire Constabulary', region: 'South West', policingBody: pcc('Gloucestershire'), policingBodyType: 'PCC' },
  { code: 'greater-manchester', name: 'Greater Manchester Police', region: 'North West', policingBody: 'Mayor of Greater Manchester', policingBodyType: 'mayor' },
  { code: 'gwent', name: 'Gwent Police', region: 'Wales', policingBody: pcc('Gwent'), policingBodyType: 'PCC' },
  { code: 'hampshire-and-isle-of-wight', name: 'Hampshire and Isle of Wight Constabulary', region: 'South East', policingBody: pcc('Hampshire and the Isle of Wight'), policingBodyType: 'PCC' },
  { code: 'hertfordshire', name: 'Hertfordshire Constabulary', region: 'Eastern', policingBody: pcc('Hertfordshire'), policingBodyType: 'PCC' },
  { code: 'humberside', name: 'Humberside Police', region: 'Yorkshire and the Humber', policingBody: pcc('Humberside'), policingBodyType: 'PCC' },
  { code: 'kent', name: 'Kent Police', region: 'South East', policingBody: pcc('Kent'), policingBodyType: 'PCC' },
  { code: 'lancashire', name: 'Lancashire Constabulary', region: 'North West', policingBody: pcc('Lancashire'), policingBodyType: 'PCC' },
  { code: 'leicestershire', name: 'Leicestershire Police', region: 'East Midlands', policingBody: pcc('Leicester, Leicestershire and Rutland'), policingBodyType: 'PCC' },
  { code: 'lincolnshire', name: 'Lincolnshire Police', region: 'East Midlands', policingBody: pcc('Lincolnshire'), policingBodyType: 'PCC' },
  { code: 'merseyside', name: 'Merseyside Police', region: 'North West', policingBody: pcc('Merseyside'), policingBodyType: 'PCC' },
  { code: 'metropolitan', name: 'Metropolitan Police Service', region: 'London', policingBody: "Mayor's Office for Policing and Crime", policingBodyType: 'mayor' },
  { code: 'norfolk', name: 'Norfolk Constabulary', region: 'Eastern', policingBody: pcc('Norfolk'), policingBodyType: 'PCC' },
  { code: 'north-wales', name: 'North Wales Police', region: 'Wales', policingBody: pcc('North Wales'), policingBodyType: 'PCC' },
  { code: 'north-yorkshire', name: 'North Yorkshire Police', region: 'Yorkshire and the Humber', policingBody: 'Mayor of York and North Yorkshire', policingBodyType: 'mayor' },
  { code: 'northamptonshire', name: 'Northamptonshire Police', region: 'East Midlands', policingBody: pfcc('Northamptonshire'), policingBodyType: 'PFCC' },
  { code: 'northumbria', name: 'Northumbria Police', region: 'North East', policingBody: pcc('Northumbria'), policingBodyType: 'PCC' },
  { code: 'nottinghamshire', name: 'Nottinghamshire Police', region: 'East Midlands', policingBody: pcc('Nottinghamshire'), policingBodyType: 'PCC' },
  { code: 'south-wales', name: 'South Wales Police', region: 'Wales', policingBody: pcc('South Wales'), policingBodyType: 'PCC' },
  { code: 'south-yorkshire', name: 'South Yorkshire Police', region: 'Yorkshire and the Humber', policingBody: 'Mayor of South Yorkshire', policingBodyType: 'mayor' },
  { code: 'staffordshire', name: 'Staffordshire Police', region: 'West Midlands', policingBody: pfcc('Staffordshire'), policingBodyType: 'PFCC' },
  { code: 'suffolk', name: 'Suffolk Constabulary', region: 'Eastern', policingBody: pcc('Suffolk'), policingBodyType: 'PCC' },
  { code: 'surrey', name: 'Surrey Police', region: 'South East', policingBody: pcc('Surrey'), policingBodyType: 'PCC' },
  { code: 'sussex', name: 'Sussex Police', region: 'South East', policingBody: pcc('Sussex'), policingBodyType: 'PCC' },
  { code: 'thames-valley', name: 'Thames Valley Police', region: 'South East', policingBody: pcc('Thames Valley'), policingBodyType: 'PCC' },
  { code: 'warwickshire', name: 'Warwickshire Police', region: 'West Midlands', policingBody: pcc('Warwickshire'), policingBodyType: 'PCC' },
  { code: 'west-mercia', name: 'West Mercia Police', region: 'West Midlands', policingBody: pcc('West Mercia'), policingBodyType: 'PCC' },
  { code: 'west-midlands', name: 'West Midlands Police', region: 'West Midlands', policingBody: pcc('the West Midlands'), policingBodyType: 'PCC' },
  { code: 'west-yorkshire', name: 'West Yorkshire Police', region: 'Yorkshire and the Humber', policingBody: 'Mayor of West Yorkshire', policingBodyType: 'mayor' },
  { code: 'wiltshire', name: 'Wiltshire Police', region: 'South West', policingBody: pcc('Wiltshire'), policingBodyType: 'PCC' },
] satisfies Force[]);

const BY_CODE = new Map(FORCES.map((force) => [force.code, force]));

export const forceByCode = (code: string): Force | undefined => BY_CODE.get(code);
export const isForceCode = (code: unknown): code is string => typeof code === 'string' && BY_CODE.has(code);
