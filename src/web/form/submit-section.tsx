import { parseMinutes } from '../../domain/minutes.ts';
import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { Texts } from '../texts.ts';

interface Details {
  contact: { name: string; email: string; phone?: string };
  minutes_spent?: number;
}

/** Who submits, and how long it took, as SSB's forms ask at submission. */
export function SubmitSection({
  t,
  again,
  onSubmit,
}: {
  t: Texts;
  again: boolean;
  onSubmit: (d: Details) => Promise<void>;
}) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [minutes, setMinutes] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="submit-section"
      aria-labelledby="submit-heading"
      onSubmit={(event) => {
        event.preventDefault();
        const minutesSpent = parseMinutes(minutes);
        // Time that cannot be read is said, not dropped.
        if (
          name.trim() === '' ||
          email.trim() === '' ||
          (minutes.trim() !== '' && minutesSpent === undefined)
        ) {
          setMissing(true);
          return;
        }
        setBusy(true);
        void onSubmit({
          contact: {
            name: name.trim(),
            email: email.trim(),
            ...(phone.trim() ? { phone: phone.trim() } : {}),
          },
          ...(minutesSpent === undefined ? {} : { minutes_spent: minutesSpent }),
        }).finally(() => setBusy(false));
      }}
    >
      <Heading level={2} id="submit-heading" data-size="sm">
        {t.submitHeading}
      </Heading>
      <Textfield
        label={t.contactName}
        value={name}
        autoComplete="name"
        onChange={(e) => setName(e.target.value)}
        error={missing && name.trim() === '' ? t.required : undefined}
      />
      <Textfield
        label={t.contactEmail}
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={missing && email.trim() === '' ? t.required : undefined}
      />
      <Textfield
        label={t.contactPhone}
        type="tel"
        autoComplete="tel"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
      />
      <Textfield
        label={t.minutes}
        value={minutes}
        onChange={(e) => setMinutes(e.target.value)}
        error={
          missing && minutes.trim() !== '' && parseMinutes(minutes) === undefined
            ? t.minutesInvalid
            : undefined
        }
      />
      <Button type="submit" disabled={busy}>
        {again ? t.submitAgain : t.submit}
      </Button>
    </form>
  );
}
