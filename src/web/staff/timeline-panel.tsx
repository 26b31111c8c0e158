import { osloDay } from '../../domain/oslo-time.ts';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { staffApi } from './staff-api.ts';

/** The steps of a round as chapter 3 of the note tells them, with their Norwegian labels. */
const STEPS = [
  ['draft_sent', 'Utkast sendt til kommunene'],
  ['information_meeting', 'Informasjonsmøte'],
  ['sent_out', 'Skjema sendt ut'],
  ['deadline', 'Frist'],
  ['extended_deadline', 'Utvidet frist for alle'],
] as const;

type Timeline = Partial<Record<(typeof STEPS)[number][0], string>>;

/** A date-time from the API as the day it falls on in Oslo, for a date field. */
const asDay = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : osloDay(new Date(value)));

/** The round's timeline: shown and edited as days; the deadline and extended deadline close the forms. */
export function TimelinePanel({ roundId }: { roundId: string }) {
  const [timeline, setTimeline] = useState<Timeline>({});
  const [message, setMessage] = useState<string>();
  useEffect(() => {
    void staffApi
      .timeline(roundId)
      .then((t) => setTimeline(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, asDay(v)]))));
  }, [roundId]);
  const save = () => {
    const given = Object.fromEntries(Object.entries(timeline).filter(([, v]) => v));
    staffApi.setTimeline(roundId, given).then(
      () => setMessage('Tidslinjen er lagret.'),
      (e: unknown) => setMessage(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <section className="submit-section" aria-labelledby="timeline-heading">
      <Heading level={2} id="timeline-heading" data-size="sm">
        Tidslinje
      </Heading>
      {STEPS.map(([step, label]) => (
        <Textfield
          key={step}
          type="date"
          label={label}
          value={timeline[step] ?? ''}
          onChange={(e) => setTimeline((t) => ({ ...t, [step]: e.target.value }))}
        />
      ))}
      <Button variant="secondary" onClick={save}>
        Lagre tidslinje
      </Button>
      <Paragraph role="status">{message}</Paragraph>
    </section>
  );
}
