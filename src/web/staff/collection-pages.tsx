import {
  Alert,
  Button,
  Checkbox,
  Heading,
  Paragraph,
  Spinner,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { norwegianDay, osloDay } from '../../domain/oslo-time.ts';
import type {
  WireCollection,
  WireCollectionControls,
  WireResponsibleLinks,
  WireShippedForm,
} from '../../wire/staff.ts';
import { SimpleTable } from '../simple-table.tsx';
import { staffApi } from './staff-api.ts';

const FORM_NAMES: Readonly<Record<string, string>> = {
  'kostra-skjema-1': 'Skjema 1',
  'kostra-skjema-4': 'Skjema 4',
  'kostra-skjema-5': 'Skjema 5',
  'kostra-skjema-6': 'Skjema 6',
};
const formName = (form: string) => FORM_NAMES[form] ?? form;
const share = (p: number | null) =>
  p === null ? '..' : `${p.toLocaleString('nb-NO', { minimumFractionDigits: 1 })} %`;
const fail = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The collections: several forms of one årgang run together. */
export function CollectionsPage() {
  const [rows, setRows] = useState<{ id: string; year: number; name: string }[]>();
  useEffect(() => void staffApi.collections().then(setRows), []);
  if (!rows) return <Spinner aria-label="Laster" />;
  return (
    <>
      <Heading level={1} data-size="md">
        Innsamlinger
      </Heading>
      <SimpleTable
        columns={[{ label: 'Innsamling' }, { label: 'Årgang', numeric: true }, { label: 'Navn' }]}
        rows={rows.map((r) => ({
          key: r.id,
          cells: [<a href={`#/collections/${r.id}`}>{r.id}</a>, r.year, r.name],
        }))}
      />
      {rows.length === 0 && <Paragraph>Ingen innsamlinger ennå.</Paragraph>}
      <p>
        <a href="#/collections-new">Ny innsamling</a> · <a href="#/register">Enhetsregisteret</a>
      </p>
    </>
  );
}

/** A new collection: the årgang and the forms, each with its units; deadlines from KOSTRA's calendar. */
export function NewCollectionPage() {
  const [forms, setForms] = useState<WireShippedForm[]>();
  const [id, setId] = useState('');
  const [year, setYear] = useState('2020');
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [deadlines, setDeadlines] = useState<Readonly<Record<string, string>>>({});
  const [error, setError] = useState<string>();
  useEffect(() => void staffApi.forms().then((f) => setForms(f.filter((x) => !x.survey))), []);
  if (!forms) return <Spinner aria-label="Laster" />;
  const y = Number(year);
  const fits = forms.filter((f) => f.years.from <= y && (f.years.to === null || y <= f.years.to));
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        const body = {
          id,
          year: y,
          name,
          forms: chosen.map((form) => {
            const f = forms.find((x) => x.id === form)!;
            // A form of establishments takes the register's units; one Oslo's districts fill, every
            // municipality and the districts (KOSTRA's 371); the others every municipality.
            const units = f.unit_kinds.includes('establishment')
              ? { from: 'register' }
              : f.unit_kinds.includes('oslo_district')
                ? { from: 'municipalities_and_districts' }
                : { from: 'municipalities' };
            const deadline = deadlines[form]?.trim();
            return deadline ? { form, units, deadline } : { form, units };
          }),
        };
        staffApi.createCollection(body).then(
          (c) => (window.location.hash = `#/collections/${c.id}`),
          (err: unknown) => setError(fail(err)),
        );
      }}
    >
      <Heading level={1} data-size="md">
        Ny innsamling
      </Heading>
      <Textfield
        label="Id (små bokstaver, tall og bindestrek)"
        value={id}
        onChange={(e) => setId(e.target.value)}
      />
      <Textfield label="Årgang" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />
      <Textfield label="Navn" value={name} onChange={(e) => setName(e.target.value)} />
      <fieldset>
        <legend>
          Skjemaer (frist etter KOSTRAs kalender: 15. januar for skjema 4 og 5, 15. februar for de andre)
        </legend>
        {fits.map((f) => (
          <div key={f.id} className="collection-form">
            <Checkbox
              label={`${f.title} (${f.unit_kinds.includes('establishment') ? 'enhetene i Enhetsregisteret' : f.unit_kinds.includes('oslo_district') ? 'alle kommuner og Oslos bydeler' : 'alle kommuner'})`}
              value={f.id}
              checked={chosen.includes(f.id)}
              onChange={(e) =>
                setChosen(e.target.checked ? [...chosen, f.id] : chosen.filter((c) => c !== f.id))
              }
            />
            {chosen.includes(f.id) && (
              <Textfield
                label={`Frist for ${formName(f.id)} (åååå-mm-dd, tom: KOSTRAs kalender)`}
                value={deadlines[f.id] ?? ''}
                onChange={(e) => setDeadlines({ ...deadlines, [f.id]: e.target.value })}
              />
            )}
          </div>
        ))}
      </fieldset>
      {error && <Alert data-color="danger">{error}</Alert>}
      <Button type="submit" disabled={chosen.length === 0 || id === '' || name === ''}>
        Opprett innsamlingen
      </Button>
    </form>
  );
}

/** One collection: its forms and their response rates by date as the working group tabulates them, the
 * publications frozen, the responsibles' links, and the controls across forms. */
export function CollectionPage({ id }: { id: string }) {
  const [collection, setCollection] = useState<WireCollection>();
  const [controls, setControls] = useState<WireCollectionControls>();
  const [links, setLinks] = useState<WireResponsibleLinks>();
  const [message, setMessage] = useState<string>();
  const load = () => {
    void staffApi.collection(id).then(setCollection);
    void staffApi.collectionControls(id).then(setControls);
  };
  useEffect(load, [id]);
  if (!collection) return <Spinner aria-label="Laster" />;
  const taken = new Set(collection.checkpoints.map((c) => c.kind));
  const dates = collection.rates[0]?.by_date.map((d) => d.date) ?? [];
  const rateCell = (c: { count: number; percent: number | null } | undefined) =>
    c ? `${c.count.toLocaleString('nb-NO')} (${share(c.percent)})` : '–';
  return (
    <>
      <Heading level={1} data-size="md">
        {collection.name} (årgang {collection.year})
      </Heading>
      <SimpleTable
        caption="Skjemaer"
        columns={[
          { label: 'Skjema' },
          { label: 'Frist' },
          { label: 'Enheter', numeric: true },
          { label: 'Ikke forventet', numeric: true },
          { label: 'Sendt inn', numeric: true },
          { label: 'Mer' },
        ]}
        rows={collection.rounds.map((r) => ({
          key: r.id,
          cells: [
            <a href={`#/rounds/${r.id}`}>{formName(r.form)}</a>,
            r.deadline ? norwegianDay(osloDay(new Date(r.deadline))) : 'Ingen',
            r.units,
            r.disowned,
            r.submitted,
            r.form === 'kostra-skjema-5' || r.form === 'kostra-skjema-6' ? (
              <a href={`/api/staff/rounds/${r.id}/register-corrections.csv`} download>
                Endringer til Enhetsregisteret (CSV)
              </a>
            ) : (
              ''
            ),
          ],
        }))}
      />
      <div className="table-scroll">
        <table className="ds-table" data-border data-testid="rates-table">
          <caption>Svarinngang per skjema (som arbeidsgruppens rapport, avsnitt 6.3)</caption>
          <thead>
            <tr>
              <th scope="col">Årgang {collection.year}</th>
              {collection.rates.map((r) => (
                <th key={r.form} scope="col" className="num">
                  {formName(r.form)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Forventet</th>
              {collection.rates.map((r) => (
                <td key={r.form} className="num">
                  {r.expected.toLocaleString('nb-NO')}
                </td>
              ))}
            </tr>
            {dates.map((date, i) => (
              <tr key={date}>
                <th scope="row">{norwegianDay(date)}</th>
                {collection.rates.map((r) => (
                  <td key={r.form} className="num">
                    {rateCell(r.by_date[i])}
                  </td>
                ))}
              </tr>
            ))}
            {(['preliminary', 'final'] as const).map((kind) => (
              <tr key={kind}>
                <th scope="row">
                  Inngikk i publisering {kind === 'preliminary' ? 'foreløpig' : 'endelig'}
                  {collection.checkpoints.find((c) => c.kind === kind) &&
                    ` ${norwegianDay(collection.checkpoints.find((c) => c.kind === kind)!.taken_on)}`}
                </th>
                {collection.rates.map((r) => {
                  const p = r.in_publication.find((x) => x.kind === kind);
                  return (
                    <td key={r.form} className="num">
                      {rateCell(p)}
                      {p && p.resubmitted_after > 0 && (
                        <>
                          <br />
                          <span className="muted">{p.resubmitted_after} sendt inn på nytt etter</span>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr>
              <th scope="row">Dato for siste innsending på nytt</th>
              {collection.rates.map((r) => (
                <td key={r.form} className="num">
                  {r.last_resubmission ? norwegianDay(r.last_resubmission) : '–'}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <div className="button-row">
        {(['preliminary', 'final'] as const).map((kind) => (
          <Button
            key={kind}
            variant="secondary"
            disabled={taken.has(kind)}
            onClick={() =>
              void staffApi.takeCheckpoint(id, kind).then(
                (t) => {
                  setMessage(
                    `Frosset: ${t.units} enheters innsendte svar inngår i publiseringen ${norwegianDay(t.day)}.`,
                  );
                  load();
                },
                (e: unknown) => setMessage(fail(e)),
              )
            }
          >
            {taken.has(kind) ? 'Frosset: ' : 'Frys '}
            {kind === 'preliminary' ? 'foreløpig publisering (15. mars)' : 'endelig publisering (15. juni)'}
          </Button>
        ))}
        <Button
          variant="secondary"
          onClick={() =>
            void staffApi.mailCollection(id, 'nb').then(
              (m) =>
                setMessage(
                  `Invitasjon med lenke til enhetslisten: ${m.sent} sendt, ${m.failed} feilet` +
                    (m.without_address.length > 0
                      ? `; ${m.without_address.length} uten kontaktadresse (lag lenker til dem under)`
                      : '') +
                    '.',
                ),
              (e: unknown) => setMessage(fail(e)),
            )
          }
        >
          Send invitasjoner med lenke til enhetslisten
        </Button>
        <Button
          variant="secondary"
          onClick={() =>
            void staffApi.responsibleLinks(id).then(setLinks, (e: unknown) => setMessage(fail(e)))
          }
        >
          Lag lenker til enhetslistene
        </Button>
      </div>
      {message && (
        <Alert data-color="info" role="status">
          {message}
        </Alert>
      )}
      {links && (
        <SimpleTable
          caption={`Lenker til enhetslistene (${links.length}); vises bare nå, send dem til hver kommune eller virksomhet`}
          columns={[{ label: 'Svarer for' }, { label: 'Lenke' }]}
          rows={links.map((l) => ({
            key: l.responsible,
            cells: [`${l.name} (${l.responsible})`, <code>{l.link}</code>],
          }))}
        />
      )}
      <Heading level={2} data-size="sm">
        Kontroller på tvers av skjemaer
      </Heading>
      {!controls && <Spinner aria-label="Laster" />}
      {controls?.cross_form.length === 0 && (
        <Paragraph>Innsamlingen har ikke skjemaene en kontroll på tvers trenger.</Paragraph>
      )}
      {controls?.cross_form.map((c) => (
        <SimpleTable
          key={c.id}
          caption={`${c.labels.nb}: ${c.rows.filter((r) => r.flagged).length} flagget`}
          columns={[
            { label: 'Kommune' },
            { label: 'Skjema 6, sum', numeric: true },
            { label: 'Enheter', numeric: true },
            { label: 'Skjema 4', numeric: true },
            { label: 'Avvik', numeric: true },
            { label: 'Avvik %', numeric: true },
            { label: 'Flagg' },
          ]}
          rows={c.rows.slice(0, 50).map((r) => ({
            key: r.municipality,
            testId: `cross-${r.municipality}`,
            cells: [
              r.municipality,
              r.summed ?? '–',
              r.units,
              r.against ?? '–',
              r.difference ?? '–',
              share(r.percent),
              r.flagged ? <Tag data-color="warning">Følg opp</Tag> : '',
            ],
          }))}
        />
      ))}
      {controls && (
        <Paragraph>
          Mot fjorårets svar:{' '}
          {controls.previous_year
            .map((p) => `${formName(p.form)} ${p.deviations.length} avvik av ${p.compared} sammenlignet`)
            .join('; ')}
          .
        </Paragraph>
      )}
    </>
  );
}
