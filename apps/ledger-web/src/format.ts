/** How the web app writes dates, money, codes and event types for people (en-GB). */

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });
const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

export const formatDate = (value: string | null | undefined) => (value ? dateFormat.format(new Date(value.length === 10 ? `${value}T00:00:00Z` : value)) : '—');
export const formatDateTime = (value: string | null | undefined) => (value ? dateTimeFormat.format(new Date(value)) : '—');
export const formatMoney = (value: number | null | undefined) => (value === null || value === undefined ? '—' : money.format(value));
export const formatNumber = (value: number | null | undefined) => (value === null || value === undefined ? '—' : number.format(value));
export const formatShare = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`);
export const formatMonth = (month: string) => new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/** "devon-and-cornwall" → "Devon and Cornwall", when the register of forces is not at hand. */
export const humanise = (code: string) =>
  code
    .split('-')
    .map((word, i) => (i > 0 && ['and', 'of', 'the'].includes(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');

/** "AgreementSigned" → "Agreement signed". */
export const eventName = (type: string) => {
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const STATUS_NAMES: Record<string, string> = {
  proposed: 'Proposed, awaiting signatures',
  'in-force': 'In force',
  terminated: 'Terminated',
  open: 'Open',
  taken: 'Taken',
  rejected: 'Rejected',
  'taken-under-urgency': 'Taken under urgency',
  ratified: 'Ratified',
  rescinded: 'Rescinded',
  'closure-proposed': 'Closure proposed',
  closed: 'Closed',
  identified: 'Identified',
  approved: 'Profile approved',
  'business-as-usual': 'Business as usual',
};
export const statusName = (status: string) => STATUS_NAMES[status] ?? humanise(status);

export const OFFICE_NAMES: Record<string, string> = { 'chief-officer': 'Chief officer', 'policing-body': 'Policing body' };

/** Today as YYYY-MM-DD (UTC), and a date moved by whole days. */
export const today = () => new Date().toISOString().slice(0, 10);
export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
