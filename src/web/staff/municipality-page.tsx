import { osloDateTime } from '../../domain/oslo-time.ts';
import { Button, Heading, Paragraph, Select, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useState } from 'react';
import { formatNorwegian, parseNorwegian } from '../../domain/number-format.ts';
import { ApiProblem } from '../api.ts';
import { SimpleTable } from '../simple-table.tsx';
import { sendTo, staffApi, type Trail } from './staff-api.ts';

const show = (v: unknown) =>
  typeof v === 'number'
    ? formatNorwegian(v)
    : typeof v === 'string' || typeof v === 'boolean'
      ? String(v)
      : '–';

/** One municipality in a round: every version with who, when, why and what changed; contacts; a correction. */
export function MunicipalityPage({ roundId, municipality }: { roundId: string; municipality: string }) {
  const [data, setData] = useState<Trail>();
  const load = useCallback(() => {
    void staffApi.municipality(roundId, municipality).then(setData);
  }, [roundId, municipality]);
  useEffect(load, [load]);
  if (!data) return <Spinner aria-label="Laster" />;
  return (
    <>
      <p>
        <a href={`#/rounds/${roundId}`}>← {roundId}</a>
      </p>
      <Heading level={1} data-size="md">
        {municipality.length === 6 ? 'Bydel' : 'Kommune'} {municipality}
      </Heading>
      <Heading level={2} data-size="sm">
        Versjoner
      </Heading>
      <ol className="trail">
        {data.trail.map((v) => (
          <li key={v.version} data-testid={`version-${v.version}`}>
            <strong>
              Versjon {v.version} ({v.status === 'submitted' ? 'sendt inn' : 'utkast'})
            </strong>{' '}
            av {v.saved_by}, {osloDateTime(new Date(v.saved_at))}
            {v.reason && <> · Begrunnelse: {v.reason}</>}
            <ul>
              {v.changes.map((c) => (
                <li key={c.field}>
                  {c.field}: {show(c.old)} → {show(c.new)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {data.answers && <FormAnswers roundId={roundId} answers={data.answers} />}
      <Extension roundId={roundId} municipality={municipality} />
      <Contacts roundId={roundId} municipality={municipality} data={data} reload={load} />
      {data.latest && <Correction roundId={roundId} municipality={municipality} data={data} reload={load} />}
    </>
  );
}

/** A form round's latest answers, each by the field's name in the form. */
function FormAnswers({ roundId, answers }: { roundId: string; answers: NonNullable<Trail['answers']> }) {
  const [labels, setLabels] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    void staffApi.formReport(roundId).then((r) => setLabels(new Map(r.items.map((i) => [i.path, i.label]))));
  }, [roundId]);
  const given = Object.entries(answers).filter(([, v]) => v !== null && v !== '');
  return (
    <section aria-labelledby="answers-heading">
      <Heading level={2} id="answers-heading" data-size="sm">
        Siste svar
      </Heading>
      <SimpleTable
        columns={[{ label: 'Felt' }, { label: 'Svar' }]}
        rows={given.map(([path, value]) => ({
          key: path,
          cells: [
            labels.get(path) ?? (path === 'comments' ? 'Merknader' : path),
            Array.isArray(value) ? value.join(', ') : show(value),
          ],
        }))}
      />
    </section>
  );
}

/** What the panels of a municipality's page get: where they are, the trail, and how to reload it. */
interface PanelProps {
  roundId: string;
  municipality: string;
  data: Trail;
  reload: () => void;
}

function Contacts({ roundId, municipality, data, reload }: PanelProps) {
  const [channel, setChannel] = useState('phone');
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState('');
  return (
    <section aria-labelledby="contacts-heading">
      <Heading level={2} id="contacts-heading" data-size="sm">
        Kontaktlogg
      </Heading>
      <ul>
        {data.contacts.map((c, i) => (
          <li key={i}>
            {osloDateTime(new Date(c.at))}, {c.statistician} ({c.channel}): {c.question} — {c.answer}
          </li>
        ))}
      </ul>
      <form
        className="submit-section"
        onSubmit={(event) => {
          event.preventDefault();
          void staffApi.contact(roundId, municipality, { channel, question, answer }).then(() => {
            setQuestion('');
            setAnswer('');
            reload();
          });
        }}
      >
        <div className="field">
          <label htmlFor="channel">Kanal</label>
          <Select id="channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
            <Select.Option value="phone">Telefon</Select.Option>
            <Select.Option value="email">E-post</Select.Option>
            <Select.Option value="meeting">Møte</Select.Option>
            <Select.Option value="other">Annet</Select.Option>
          </Select>
        </div>
        <Textfield label="Spørsmål" value={question} onChange={(e) => setQuestion(e.target.value)} />
        <Textfield label="Svar" value={answer} onChange={(e) => setAnswer(e.target.value)} />
        <Button type="submit" variant="secondary">
          Logg kontakt
        </Button>
      </form>
    </section>
  );
}

function Correction({ roundId, municipality, data, reload }: PanelProps) {
  const latest = data.latest!;
  const [values, setValues] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const fields = Object.entries(latest.tables).flatMap(([table, t]) =>
    Object.entries(t.rows).flatMap(([row, r]) =>
      Object.entries(r.amounts).map(([measure, amount]) => ({
        key: `${table}/${row}/${measure}`,
        table,
        row,
        measure,
        amount,
      })),
    ),
  );
  return (
    <form
      className="submit-section"
      aria-labelledby="correction-heading"
      onSubmit={(event) => {
        event.preventDefault();
        const response = structuredClone(latest);
        for (const f of fields) {
          const text = values[f.key];
          if (text === undefined) continue;
          const value = parseNorwegian(text);
          if (Number.isNaN(value)) {
            setError(`${f.key}: «${text}» er ikke et tall`);
            return;
          }
          response.tables[f.table]!.rows[f.row]!.amounts[f.measure] = value;
        }
        const version = data.trail.at(-1)?.version ?? 0;
        staffApi.correct(roundId, municipality, { version, reason, response }).then(
          () => {
            setValues({});
            setReason('');
            setError(undefined);
            reload();
          },
          (e: unknown) => setError(e instanceof ApiProblem ? (e.body.detail ?? e.message) : String(e)),
        );
      }}
    >
      <Heading level={2} id="correction-heading" data-size="sm">
        Rett svaret
      </Heading>
      <Paragraph>En retting blir en ny versjon med begrunnelse; ingenting skrives over.</Paragraph>
      {fields.map((f) => (
        <Textfield
          key={f.key}
          label={f.key}
          inputMode="decimal"
          value={values[f.key] ?? (f.amount === null ? '' : formatNorwegian(f.amount))}
          onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
        />
      ))}
      <Textfield
        label="Begrunnelse"
        multiline
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={error}
      />
      <Button type="submit">Lagre retting</Button>
    </form>
  );
}

function Extension({ roundId, municipality }: { roundId: string; municipality: string }) {
  const [until, setUntil] = useState('');
  const [message, setMessage] = useState<string>();
  return (
    <form
      className="submit-section"
      onSubmit={(event) => {
        event.preventDefault();
        sendTo(
          'PUT',
          `/api/staff/rounds/${roundId}/municipalities/${municipality}/extension`,
          JSON.stringify({ until: until === '' ? null : until }),
          'application/json',
        ).then(
          () => setMessage('Fristen er lagret.'),
          (e: unknown) => setMessage(`Feil: ${e instanceof Error ? e.message : String(e)}`),
        );
      }}
    >
      <Heading level={2} data-size="sm">
        Utvidet frist
      </Heading>
      <Textfield
        label="Ny frist (ÅÅÅÅ-MM-DD), tom for ingen"
        value={until}
        onChange={(e) => setUntil(e.target.value)}
      />
      <Button type="submit" variant="secondary">
        Lagre frist
      </Button>
      {message && <Paragraph role="status">{message}</Paragraph>}
    </form>
  );
}
