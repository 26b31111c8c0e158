import { osloDateTime, osloShortDate } from '../../domain/oslo-time.ts';
import {
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Select,
  Spinner,
  Textfield,
} from '@digdir/designsystemet-react';
import { MAIL_LABEL } from '../../domain/collection/status-list.ts';
import { changeLabel, fieldLabel, placeLabel } from '../../domain/survey/field-labels.ts';
import type { WireFinding } from '../../wire/respondent.ts';
import { useMailing } from './mail-confirm.tsx';
import { RoundNav } from './round-nav.tsx';
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

/**
 * One municipality in a round: who it is and how to reach it, the latest submission (who, minutes), every
 * mail with «send again», every version with who, when, why and what changed; contacts; an extension; a
 * correction.
 */
export function MunicipalityPage({ roundId, municipality }: { roundId: string; municipality: string }) {
  const [data, setData] = useState<Trail>();
  const load = useCallback(() => {
    void staffApi.municipality(roundId, municipality).then(setData);
  }, [roundId, municipality]);
  useEffect(load, [load]);
  useEffect(() => {
    document.title = `${municipality} ${data?.unit.name ?? ''} · ${roundId} · KOSTRA statistiker`;
  }, [data, municipality, roundId]);
  if (!data) return <Spinner aria-label="Laster" />;
  const { unit, submission } = data;
  return (
    <>
      <p className="breadcrumbs">
        <a href="#/">Undersøkelser</a> › <a href={`#/rounds/${roundId}`}>{roundId}</a> ›{' '}
        <a href={`#/rounds/${roundId}/svar`}>Svar</a> › {municipality}
      </p>
      <Heading level={1} data-size="md">
        {municipality} {unit.name}
      </Heading>
      {data.survey && <RoundNav roundId={roundId} current="municipality" />}
      <Paragraph data-testid="unit-facts">
        {[
          municipality.length === 6 ? 'Bydel' : 'Kommune',
          unit.county_name,
          `størrelse ${unit.size_group}`,
          unit.language
            ? `målform ${unit.language === 'nn' ? 'nynorsk' : 'bokmål'}`
            : 'målform ikke satt (bokmål brukes)',
          unit.extended_deadline ? `utvidet frist ${osloShortDate(new Date(unit.extended_deadline))}` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Paragraph>
      <section aria-labelledby="contact-heading">
        <Heading level={2} id="contact-heading" data-size="sm">
          Kontakt og innsending
        </Heading>
        <Paragraph>
          Kontaktadresse:{' '}
          {unit.contact_email ? <a href={`mailto:${unit.contact_email}`}>{unit.contact_email}</a> : 'ingen'}
        </Paragraph>
        <Paragraph data-testid="submission">
          {submission ? (
            <>
              Sist sendt inn {submission.at ? osloDateTime(new Date(submission.at)) : ''} (versjon{' '}
              {submission.version}) av {submission.name ?? 'ukjent'}
              {submission.email && (
                <>
                  , <a href={`mailto:${submission.email}`}>{submission.email}</a>
                </>
              )}
              {submission.phone ? `, telefon ${submission.phone}` : ''}.{' '}
              {submission.minutes_spent === null
                ? 'Tidsbruk ikke oppgitt.'
                : `Tidsbruk: ${submission.minutes_spent} minutter.`}
            </>
          ) : (
            'Ikke sendt inn ennå.'
          )}
        </Paragraph>
      </section>
      <MailHistory roundId={roundId} municipality={municipality} mail={data.mail} reload={load} />
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
                  {data.survey ? changeLabel(data.survey, c.field) : c.field}: {show(c.old)} → {show(c.new)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {data.answers && <FormAnswers roundId={roundId} answers={data.answers} />}
      <Extension roundId={roundId} municipality={municipality} />
      <Contacts roundId={roundId} municipality={municipality} data={data} reload={load} />
      {data.latest && data.survey && (
        <Correction roundId={roundId} municipality={municipality} data={data} reload={load} />
      )}
    </>
  );
}

/** Every mail sent to the municipality, newest first; one that failed or bounced can be sent again. */
function MailHistory(props: {
  roundId: string;
  municipality: string;
  mail: Trail['mail'];
  reload: () => void;
}) {
  const { ask, confirmation, message } = useMailing(props.roundId, props.reload);
  const again = (kind: 'invitation' | 'reminder') =>
    ask({ kind, again: true, municipalities: [props.municipality] });
  return (
    <section aria-labelledby="mail-history-heading">
      <Heading level={2} id="mail-history-heading" data-size="sm">
        E-post ({props.mail.length})
      </Heading>
      {props.mail.length === 0 ? (
        <Paragraph>Ingen e-post sendt ennå.</Paragraph>
      ) : (
        <ul data-testid="mail-history">
          {props.mail.map((m) => (
            <li key={`${m.at}-${m.to}`}>
              {osloDateTime(new Date(m.at))}: {m.kind === 'reminder' ? 'påminnelse' : 'invitasjon'} til {m.to}
              , {MAIL_LABEL[m.status].toLowerCase()}
              {m.error ? ` (${m.error})` : ''}, av {m.by}
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <Button variant="secondary" onClick={() => again('invitation')}>
          Send invitasjonen igjen …
        </Button>
        <Button variant="tertiary" onClick={() => again('reminder')}>
          Send påminnelse …
        </Button>
      </div>
      {confirmation()}
      {message && <Paragraph role="status">{message}</Paragraph>}
    </section>
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

/**
 * A correction as the respondent's form has it: every table with its methods, each row's «fewer than five»
 * box and amounts by their labels, and the comments; numbers checked here, the form's rules on the server
 * (its findings shown by label). A correction is a new version with a reason.
 */
function Correction({ roundId, municipality, data, reload }: PanelProps) {
  const survey = data.survey!;
  const [response, setResponse] = useState(() => structuredClone(data.latest!));
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  useEffect(() => {
    setResponse(structuredClone(data.latest!));
    setTexts({});
  }, [data]);
  const labelOf = (table: string, row?: string, measure?: string) =>
    measure === undefined
      ? placeLabel(survey, table, row, 'nb')
      : fieldLabel(survey, { table, row, measure });
  const tables = survey.tables.filter((t) => response.tables[t.key]);
  const update = (change: (draft: typeof response) => void) =>
    setResponse((current) => {
      const draft = structuredClone(current);
      change(draft);
      return draft;
    });
  return (
    <form
      className="submit-section"
      aria-labelledby="correction-heading"
      onSubmit={(event) => {
        event.preventDefault();
        const draft = structuredClone(response);
        const found: string[] = [];
        for (const [key, text] of Object.entries(texts)) {
          const [table, row, measure] = key.split('/') as [string, string, string];
          const value = text.trim() === '' ? null : parseNorwegian(text);
          if (value !== null && !Number.isFinite(value))
            found.push(`${labelOf(table, row, measure)}: «${text}» er ikke et tall.`);
          else draft.tables[table]!.rows[row]!.amounts[measure] = value;
        }
        if (reason.trim() === '') found.push('Skriv en begrunnelse for rettingen.');
        setErrors(found);
        if (found.length > 0) return;
        const version = data.trail.at(-1)?.version ?? 0;
        staffApi.correct(roundId, municipality, { version, reason, response: draft }).then(
          () => {
            setReason('');
            setErrors([]);
            reload();
          },
          (e: unknown) => {
            const findings =
              e instanceof ApiProblem ? (e.body.errors as WireFinding[] | undefined) : undefined;
            setErrors(
              findings?.length
                ? findings.map(
                    (f) => `${f.table ? `${labelOf(f.table, f.row, f.measure)}: ` : ''}${f.message}`,
                  )
                : [e instanceof Error ? e.message : String(e)],
            );
          },
        );
      }}
    >
      <Heading level={2} id="correction-heading" data-size="sm">
        Rett svaret
      </Heading>
      <Paragraph>
        En retting blir en ny versjon med begrunnelse; ingenting skrives over. Beløp i {survey.unit}.
      </Paragraph>
      {tables.map((t) => {
        const content = response.tables[t.key]!;
        return (
          <Fieldset key={t.key} data-size="sm">
            <Fieldset.Legend>
              Tabell {t.number}: {t.labels.nb}
            </Fieldset.Legend>
            <div role="group" aria-label={`Metoder for ${t.labels.nb}`} className="filters">
              {survey.methods.map((m) => (
                <Checkbox
                  key={m.code}
                  label={m.labels.nb}
                  checked={content.methods.includes(m.code)}
                  onChange={(e) =>
                    update((d) => {
                      const methods = d.tables[t.key]!.methods.filter((x) => x !== m.code);
                      d.tables[t.key]!.methods = e.target.checked ? [...methods, m.code] : methods;
                    })
                  }
                />
              ))}
            </div>
            {t.rows
              .filter((r) => content.rows[r.key])
              .map((r) => {
                const row = content.rows[r.key]!;
                return (
                  <div key={r.key} className="filters" role="group" aria-label={labelOf(t.key, r.key)}>
                    <Checkbox
                      label={`${r.labels.nb}: færre enn fem brukere`}
                      checked={row.fewer_than_5}
                      onChange={(e) =>
                        update((d) => {
                          d.tables[t.key]!.rows[r.key]!.fewer_than_5 = e.target.checked;
                        })
                      }
                    />
                    {survey.measures.map((m) => {
                      const key = `${t.key}/${r.key}/${m.code}`;
                      const amount = row.amounts[m.code] ?? null;
                      return (
                        <Textfield
                          key={key}
                          label={labelOf(t.key, r.key, m.code)}
                          inputMode="decimal"
                          value={texts[key] ?? (amount === null ? '' : formatNorwegian(amount))}
                          onChange={(e) => setTexts((v) => ({ ...v, [key]: e.target.value }))}
                        />
                      );
                    })}
                  </div>
                );
              })}
          </Fieldset>
        );
      })}
      <Textfield
        label="Merknader fra kommunen"
        multiline
        value={response.comments}
        onChange={(e) => {
          const comments = e.target.value;
          update((d) => {
            d.comments = comments;
          });
        }}
      />
      <Textfield label="Begrunnelse" multiline value={reason} onChange={(e) => setReason(e.target.value)} />
      {errors.length > 0 && (
        <div role="alert" className="correction-errors">
          <Paragraph>Rettingen er ikke lagret:</Paragraph>
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
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
        label="Ny frist, tom for ingen"
        description="Fristen gjelder til og med dagen, norsk tid."
        type="date"
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
