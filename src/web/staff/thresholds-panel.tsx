import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { formatNorwegian, parseNorwegian } from '../../domain/number-format.ts';
import { osloDateTime } from '../../domain/oslo-time.ts';
import type { WireThresholds } from '../../wire/staff.ts';
import { call } from '../api.ts';

/** The round's control thresholds: a response is flagged above both; the worklist and overview use them. */
export function ThresholdsPanel({ roundId }: { roundId: string }) {
  const [saved, setSaved] = useState<WireThresholds>();
  const [percent, setPercent] = useState('');
  const [absolute, setAbsolute] = useState('');
  const [message, setMessage] = useState<string>();
  const [errors, setErrors] = useState<{ percent?: string; absolute?: string }>({});
  const show = (t: WireThresholds) => {
    setSaved(t);
    setPercent(formatNorwegian(t.relative * 100, 1));
    setAbsolute(formatNorwegian(t.absolute));
  };
  useEffect(() => {
    void call<WireThresholds>('GET', `/api/staff/rounds/${roundId}/thresholds`).then(show);
  }, [roundId]);
  const save = () => {
    const p = parseNorwegian(percent);
    const a = parseNorwegian(absolute);
    const found = {
      ...(p === null || !Number.isFinite(p) || p < 0 || p > 1000
        ? { percent: 'Skriv en prosent mellom 0 og 1000.' }
        : {}),
      ...(a === null || !Number.isFinite(a) || a < 0 ? { absolute: 'Skriv et beløp på 0 eller mer.' } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0 || p === null || a === null) return;
    void call<WireThresholds>('PUT', `/api/staff/rounds/${roundId}/thresholds`, {
      relative: p / 100,
      absolute: a,
    }).then(
      (t) => {
        show(t);
        setMessage('Tersklene er lagret.');
      },
      (e: unknown) => setMessage(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <section className="submit-section" aria-labelledby="thresholds-heading">
      <Heading level={2} id="thresholds-heading" data-size="sm">
        Kontrollterskler
      </Heading>
      <Paragraph>
        Et svar flagges når avviket fra referansen (KOSTRA-totalen eller fjorårets svar) er over prosenten og
        minst beløpet.
        {saved?.set_by && saved.set_at
          ? ` Sist satt av ${saved.set_by} ${osloDateTime(new Date(saved.set_at))}.`
          : ' Standard: 10 % og 1 000.'}
      </Paragraph>
      <Textfield
        label="Avvik over (prosent)"
        inputMode="decimal"
        value={percent}
        onChange={(e) => setPercent(e.target.value)}
        error={errors.percent}
      />
      <Textfield
        label="Og minst (1000 kr)"
        inputMode="decimal"
        value={absolute}
        onChange={(e) => setAbsolute(e.target.value)}
        error={errors.absolute}
      />
      <Button onClick={save}>Lagre tersklene</Button>
      {message && <Paragraph role="status">{message}</Paragraph>}
    </section>
  );
}
