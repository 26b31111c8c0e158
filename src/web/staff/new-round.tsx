import {
  Button,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Spinner,
  Textfield,
} from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import type { WireCreatedRound, WireCreatedFormRound, WireShippedForm } from '../../wire/staff.ts';
import { call } from '../api.ts';
import { SelectField } from '../select-field.tsx';
import { staffApi } from './staff-api.ts';

/** Parses `<5000=3; 5000-9999=2` into draws per size group. */
function parseDraws(text: string): Record<string, number> {
  return Object.fromEntries(
    text
      .split(';')
      .map((part) => part.split('=').map((s) => s.trim()))
      .filter(([group, n]) => group && n)
      .map(([group, n]) => [group!, Number(n)]),
  );
}

/** Candidates as CSV: `municipality,size_group,criteria (;-separated),population`. */
function parseCandidates(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => line.split(',').map((f) => f.trim()))
    .filter((f) => /^\d{4}$/.test(f[0] ?? ''))
    .map(([municipality, size_group = '', criteria = '', population = '']) => ({
      municipality: municipality!,
      size_group,
      criteria: criteria ? criteria.split(';').map((c) => c.trim()) : [],
      ...(/^\d+$/.test(population) ? { population: Number(population) } : {}),
    }));
}

/** A new round: of the f254 survey (a sample with prefilled totals) or of a KOSTRA form for an årgang. */
export function NewRound() {
  const [forms, setForms] = useState<WireShippedForm[]>();
  const [formId, setFormId] = useState('f254');
  useEffect(() => {
    void staffApi.forms().then(setForms);
  }, []);
  if (!forms) return <Spinner aria-label="Laster" />;
  const form = forms.find((f) => f.id === formId);
  return (
    <>
      <Heading level={1} data-size="md">
        Ny undersøkelse
      </Heading>
      <SelectField
        label="Skjema"
        value={formId}
        onChange={setFormId}
        options={forms.map((f) => [f.id, `${f.title} (${f.years.from}–${f.years.to ?? ''})`] as const)}
      />
      {form && !form.survey ? <NewFormRound key={form.id} form={form} /> : <NewSurveyRound />}
    </>
  );
}

/** The units to ask, as the staff API takes them. */
function unitChoice(from: string, codes: string) {
  if (from === 'codes')
    return {
      from,
      codes: codes
        .split(/[\s,;]+/)
        .map((c) => c.trim())
        .filter(Boolean),
    };
  return { from };
}

/** A round of a form of the engine for one årgang: its units from the reference data of the year. */
function NewFormRound({ form }: { form: WireShippedForm }) {
  const districts = form.unit_kinds.includes('oslo_district');
  const [id, setId] = useState('');
  const [year, setYear] = useState(String(form.years.to ?? form.years.from));
  const [deadline, setDeadline] = useState('');
  const [from, setFrom] = useState('municipalities');
  const [codes, setCodes] = useState('');
  const [draws, setDraws] = useState('');
  const [seed, setSeed] = useState('');
  const [result, setResult] = useState<WireCreatedFormRound>();
  const [error, setError] = useState<string>();
  return (
    <form
      className="submit-section"
      onSubmit={(event) => {
        event.preventDefault();
        const perGroup = parseDraws(draws);
        if (Object.keys(perGroup).length > 0 && !/^\d+$/.test(seed.trim())) {
          setError('Frøet for trekningen må være et heltall, så trekningen kan gjøres på nytt.');
          return;
        }
        staffApi
          .openFormRound({
            id,
            form: form.id,
            year: Number(year),
            units: unitChoice(from, codes),
            ...(Object.keys(perGroup).length > 0
              ? { draw: { per_group: perGroup, seed: Number(seed.trim()) } }
              : {}),
            ...(deadline ? { deadline } : {}),
          })
          .then(
            (answer) => {
              setError(undefined);
              setResult(answer);
            },
            (e: unknown) => {
              setError(e instanceof Error ? e.message : String(e));
              setResult(undefined);
            },
          );
      }}
    >
      <Textfield
        label={`Id (for eksempel ${form.id}-${year})`}
        value={id}
        onChange={(e) => setId(e.target.value)}
      />
      <Textfield
        label="Årgang"
        description={`Skjemaet finnes for ${form.years.from}–${form.years.to ?? ''}`}
        inputMode="numeric"
        value={year}
        onChange={(e) => setYear(e.target.value)}
      />
      <Textfield label="Frist (ÅÅÅÅ-MM-DD)" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      <Fieldset>
        <Fieldset.Legend>Hvem skal svare</Fieldset.Legend>
        <Radio
          label="Alle kommuner i årgangen"
          name="units"
          value="municipalities"
          checked={from === 'municipalities'}
          onChange={() => setFrom('municipalities')}
        />
        {districts && (
          <Radio
            label="Bydelene i Oslo"
            name="units"
            value="oslo_districts"
            checked={from === 'oslo_districts'}
            onChange={() => setFrom('oslo_districts')}
          />
        )}
        <Radio
          label="Enhetene jeg skriver inn"
          name="units"
          value="codes"
          checked={from === 'codes'}
          onChange={() => setFrom('codes')}
        />
      </Fieldset>
      {from === 'codes' && (
        <Textfield
          label="Kommune- og bydelsnumre"
          description="Skilt med komma eller linjeskift, for eksempel 4640, 030101"
          multiline
          rows={3}
          value={codes}
          onChange={(e) => setCodes(e.target.value)}
        />
      )}
      <Textfield
        label="Trekk per KOSTRA-gruppe (valgfritt)"
        description="For eksempel EKG01=2; EKG13=1. Tomt: alle enhetene over."
        value={draws}
        onChange={(e) => setDraws(e.target.value)}
      />
      {draws.trim() !== '' && (
        <Textfield
          label="Frø (seed) for trekningen"
          inputMode="numeric"
          value={seed}
          onChange={(e) => setSeed(e.target.value)}
        />
      )}
      {error && (
        <Paragraph role="alert" data-color="danger">
          {error}
        </Paragraph>
      )}
      <Button type="submit">Opprett</Button>
      {result && (
        <div role="status">
          <Paragraph>
            {result.units.length} enheter skal svare på {result.form} for {result.year}.
          </Paragraph>
          <a href={`#/rounds/${result.id}`}>Gå til {result.id}</a>
        </div>
      )}
    </form>
  );
}

/** A round of the f254 survey: the sample by criteria and a seeded draw, the deadline. */
function NewSurveyRound() {
  const [id, setId] = useState('');
  const [year, setYear] = useState('2023');
  const [deadline, setDeadline] = useState('');
  const [candidates, setCandidates] = useState('');
  const [takeAll, setTakeAll] = useState('ASSS; SIO; KOSTRA_AG; OSLO_ECONOMICS');
  const [draws, setDraws] = useState('');
  const [seed, setSeed] = useState('');
  const [result, setResult] = useState<WireCreatedRound>();
  const [error, setError] = useState<string>();
  return (
    <form
      className="submit-section"
      onSubmit={(event) => {
        event.preventDefault();
        if (seed.trim() !== '' && !/^\d+$/.test(seed.trim())) {
          setError('Frøet må være et heltall, eller tomt for å trekke et.');
          return;
        }
        void call<WireCreatedRound>('POST', '/api/staff/rounds', {
          id,
          reference_year: Number(year),
          timeline: deadline ? { deadline } : {},
          candidates: parseCandidates(candidates),
          sample: {
            take_all_with: takeAll
              .split(';')
              .map((s) => s.trim())
              .filter(Boolean),
            draw_per_size_group: parseDraws(draws),
            ...(seed.trim() === '' ? {} : { seed: Number(seed.trim()) }),
          },
        }).then(
          (answer) => {
            setError(undefined);
            setResult(answer);
          },
          (e: unknown) => {
            setError(e instanceof Error ? e.message : String(e));
            setResult(undefined);
          },
        );
      }}
    >
      <Textfield label="Id (for eksempel f254-2023)" value={id} onChange={(e) => setId(e.target.value)} />
      <Textfield
        label="Referanseår"
        inputMode="numeric"
        value={year}
        onChange={(e) => setYear(e.target.value)}
      />
      <Textfield label="Frist (ÅÅÅÅ-MM-DD)" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      <Textfield
        label="Kandidater"
        description="Én kommune per linje: kommunenummer, kommunestørrelse, kriterier (skilt med ;), innbyggertall"
        multiline
        rows={6}
        value={candidates}
        onChange={(e) => setCandidates(e.target.value)}
      />
      <Textfield
        label="Ta med alle med kriteriene"
        value={takeAll}
        onChange={(e) => setTakeAll(e.target.value)}
      />
      <Textfield
        label="Trekk per kommunestørrelse"
        description="For eksempel <5000=3; 5000-9999=2"
        value={draws}
        onChange={(e) => setDraws(e.target.value)}
      />
      <Textfield
        label="Frø (seed) for trekningen"
        description="Et heltall; tomt: et trekkes og vises, så trekningen kan gjøres på nytt"
        inputMode="numeric"
        value={seed}
        onChange={(e) => setSeed(e.target.value)}
        error={error}
      />
      <Button type="submit">Trekk utvalg og opprett</Button>
      {result && (
        <div role="status">
          <Paragraph>
            {result.selected.length} kommuner i utvalget:{' '}
            <span data-testid="sample">
              {result.selected.map((r) => `${r.municipality} (${r.reasons.join(', ')})`).join('; ')}
            </span>
          </Paragraph>
          <Paragraph data-testid="seed">
            Frø for trekningen: {result.seed}
            {result.seed_drawn ? ' (trukket; skriv det inn for å trekke det samme utvalget igjen)' : ''}.
          </Paragraph>
          <a href={`#/rounds/${id}`}>Gå til {id}</a>
        </div>
      )}
    </form>
  );
}
