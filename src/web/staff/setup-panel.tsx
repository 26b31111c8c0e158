import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { SelectField } from '../select-field.tsx';
import { sendTo } from './staff-api.ts';

/** Sends and says how it went, in words for the status line. */
async function send(url: string, method: string, body: string, type: string): Promise<string> {
  try {
    const answer = await sendTo<{ rows?: number } | undefined>(method, url, body, type);
    return answer?.rows === undefined ? 'Lagret.' : `${answer.rows} linjer lagret.`;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** The round's setup by hand: prefilled totals, meeting attendance and the reminder schedule. */
export function SetupPanel({ roundId }: { roundId: string }) {
  const [prefilled, setPrefilled] = useState('');
  const [attendance, setAttendance] = useState('');
  const [before, setBefore] = useState('3');
  const [after, setAfter] = useState('1');
  const [kind, setKind] = useState('invitation');
  const [language, setLanguage] = useState('nb');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [message, setMessage] = useState<string>();
  const days = (text: string) =>
    text
      .split(/[;, ]+/)
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  return (
    <section className="submit-section" aria-labelledby="setup-heading">
      <Heading level={2} id="setup-heading" data-size="sm">
        Oppsett
      </Heading>
      <Textfield
        label="Forhåndsutfylte totaler"
        description="Én per linje: kommunenummer,AGD10,beløp i 1000 kr"
        multiline
        rows={3}
        value={prefilled}
        onChange={(e) => setPrefilled(e.target.value)}
      />
      <Button
        variant="secondary"
        onClick={() =>
          void send(`/api/staff/rounds/${roundId}/prefilled`, 'PUT', prefilled, 'text/csv').then(setMessage)
        }
      >
        Lagre totaler
      </Button>
      <Textfield
        label="Deltakere på informasjonsmøtet"
        description="Én per linje: kommunenummer,antall deltakere"
        multiline
        rows={3}
        value={attendance}
        onChange={(e) => setAttendance(e.target.value)}
      />
      <Button
        variant="secondary"
        onClick={() =>
          void send(`/api/staff/rounds/${roundId}/attendance`, 'PUT', attendance, 'text/csv').then(setMessage)
        }
      >
        Lagre oppmøte
      </Button>
      <Textfield
        label="Påminnelser, dager før fristen"
        value={before}
        onChange={(e) => setBefore(e.target.value)}
      />
      <Textfield
        label="Påminnelser, dager etter fristen"
        value={after}
        onChange={(e) => setAfter(e.target.value)}
      />
      <Button
        variant="secondary"
        onClick={() =>
          void send(
            `/api/staff/rounds/${roundId}/reminders`,
            'PUT',
            JSON.stringify({ days_before: days(before), days_after: days(after) }),
            'application/json',
          ).then(setMessage)
        }
      >
        Lagre påminnelsesplan
      </Button>
      <Heading level={3} data-size="xs">
        E-posttekst
      </Heading>
      <Paragraph>
        Plassholdere: {'{kommune}'}, {'{undersokelse}'}, {'{lenke}'}, {'{frist}'}.
      </Paragraph>
      <SelectField
        label="Type"
        value={kind}
        onChange={setKind}
        options={[
          ['invitation', 'Invitasjon'],
          ['reminder', 'Påminnelse'],
        ]}
      />
      <SelectField
        label="Målform"
        value={language}
        onChange={setLanguage}
        options={[
          ['nb', 'Bokmål'],
          ['nn', 'Nynorsk'],
        ]}
      />
      <Textfield label="Emne" value={subject} onChange={(e) => setSubject(e.target.value)} />
      <Textfield label="Tekst" multiline rows={6} value={body} onChange={(e) => setBody(e.target.value)} />
      <Button
        variant="secondary"
        onClick={() =>
          void send(
            `/api/staff/rounds/${roundId}/templates/${kind}/${language}`,
            'PUT',
            JSON.stringify({ subject, body }),
            'application/json',
          ).then(setMessage)
        }
      >
        Lagre e-posttekst
      </Button>
      {message && <Paragraph role="status">{message}</Paragraph>}
    </section>
  );
}
