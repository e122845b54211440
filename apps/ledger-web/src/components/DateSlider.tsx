import { useEffect, useState } from 'react';
import { addDays, daysBetween, formatDate } from '../format';

/**
 * A date chosen with a slider (one step a day, from `from` to `to`; Home and End jump to the ends)
 * or typed in a date field; `onChange` hears a date once the slider rests for a moment. Screen
 * readers hear the date, not a number.
 */
export function DateSlider({ id, label, from, to, value, onChange }: { id: string; label: string; from: string; to: string; value: string; onChange: (date: string) => void }) {
  const span = Math.max(0, daysBetween(from, to));
  const [day, setDay] = useState(() => clamp(daysBetween(from, value), span));
  useEffect(() => setDay(clamp(daysBetween(from, value), span)), [value, from, span]);
  const date = addDays(from, day);
  useEffect(() => {
    if (date === value) return;
    const settle = window.setTimeout(() => onChange(date), 250);
    return () => window.clearTimeout(settle);
  }, [date]);
  return (
    <div className="date-slider">
      <label htmlFor={id}>{label}</label>
      <div className="date-slider-row">
        <span className="muted" aria-hidden="true">
          {formatDate(from)}
        </span>
        <input id={id} type="range" min={0} max={span} step={1} value={day} aria-valuetext={formatDate(date)} onChange={(e) => setDay(Number(e.target.value))} />
        <span className="muted" aria-hidden="true">
          {formatDate(to)}
        </span>
      </div>
      <div className="field field-inline">
        <label htmlFor={`${id}-date`}>Or type a date</label>
        <input
          id={`${id}-date`}
          type="date"
          min={from}
          max={to}
          value={date}
          onChange={(e) => {
            if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) setDay(clamp(daysBetween(from, e.target.value), span));
          }}
        />
      </div>
    </div>
  );
}

const clamp = (day: number, span: number) => Math.min(Math.max(0, Number.isFinite(day) ? day : span), span);
