import { useEffect, useState } from 'react';
import { api, call } from '../api';
import { frDay } from '../format';

const COLOURS: Record<string, string> = { BLUE: '#2563eb', WHITE: '#e5e7eb', RED: '#dc2626' };

/** The Tempo year so far, one coloured square per day, and the days of each colour left. */
export function TempoCalendar() {
  const [days, setDays] = useState<Array<{ date: string; color: string }>>([]);
  const [left, setLeft] = useState<{ blue: number; white: number; red: number } | null>(null);
  useEffect(() => {
    call(api.GET('/tempo/days')).then(
      (r) => setDays(r.data),
      () => setDays([]),
    );
    call(api.GET('/tempo/remaining')).then(
      (r) => setLeft(r.data),
      () => setLeft(null),
    );
  }, []);
  if (days.length === 0) return null;
  return (
    <section className="card" data-testid="tempo-calendar">
      <h2>Calendrier Tempo</h2>
      {left ? (
        <p className="muted">
          Restent {left.blue} bleus, {left.white} blancs, {left.red} rouges.
        </p>
      ) : null}
      <div className="tempo-days">
        {days.map((d) => (
          <span key={d.date} className="tempo-day" title={`${frDay(d.date)} : ${d.color}`} data-color={d.color} style={{ background: COLOURS[d.color] }} />
        ))}
      </div>
    </section>
  );
}
