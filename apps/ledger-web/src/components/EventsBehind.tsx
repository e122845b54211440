import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { answer, api } from '../api/client';
import { eventName, formatDate, formatDateTime } from '../format';
import { Async, Empty, Tag } from './Feedback';
import { Provenance } from './Provenance';

/** Where an event's stream is read in the web app. */
function streamLink(streamId: string): string | null {
  const match = /^(collaboration|decision|benefit|recommendation)-([0-9a-f-]{36})$/.exec(streamId);
  if (match) return `/app/${match[1]}s/${match[2]}`;
  const office = /^office-(.+)-(chief-officer|policing-body)$/.exec(streamId);
  if (office) return `/app/forces/${office[1]}`;
  const appetite = /^risk-appetite-(.+)$/.exec(streamId);
  if (appetite) return `/app/forces/${appetite[1]}`;
  return null;
}

/** The events behind a figure (GET /events-behind), with both clocks, in a region that takes focus when it opens. */
export function EventsBehind({ title, positions, onClose }: { title: string; positions: number[]; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const query = useQuery({
    queryKey: ['events-behind', positions],
    queryFn: () => answer(api.GET('/events-behind', { params: { query: { positions: positions.join(',') } } })),
    enabled: positions.length > 0,
  });
  useEffect(() => heading.current?.focus(), [title]);
  return (
    <section className="events-behind" aria-labelledby="events-behind-title">
      <div className="events-behind-header">
        <h3 id="events-behind-title" ref={heading} tabIndex={-1}>
          The events behind: {title}
        </h3>
        <button type="button" className="button button-secondary" onClick={onClose}>
          Close
        </button>
      </div>
      {positions.length === 0 ? (
        <Empty>No event lies behind this figure: nothing happened that month.</Empty>
      ) : (
        <Async query={query} label="Loading the events…" height={6}>
          {(data) => (
            <table className="table">
              <caption className="visually-hidden">Events behind {title}</caption>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">Happened</th>
                  <th scope="col">Recorded</th>
                  <th scope="col">Recorded by</th>
                  <th scope="col">Source</th>
                  <th scope="col">Where</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((e) => {
                  const link = streamLink(e.streamId);
                  return (
                    <tr key={e.globalPosition}>
                      <td>
                        {eventName(e.type)} {e.backDated && <Tag tone="yellow">Back-dated</Tag>}
                        <div className="muted">Position {e.globalPosition}</div>
                      </td>
                      <td>{formatDate(e.occurredAt)}</td>
                      <td>{formatDateTime(e.recordedAt)}</td>
                      <td>{e.recordedBy?.name ?? '—'}</td>
                      <td>
                        <Provenance provenance={e.provenance} backDating={e.backDating} />
                      </td>
                      <td>{link ? <Link to={link}>Open its record</Link> : e.streamId}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </Async>
      )}
    </section>
  );
}
