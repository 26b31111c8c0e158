import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { ApiProblem, request } from '../api.ts';
import { PublicPage } from '../public-page.tsx';
import { SelectField } from '../select-field.tsx';
import { SimpleTable } from '../simple-table.tsx';
import { useState } from 'react';
import { arithmetic } from '../../domain/accounts/key-figures.ts';
import { formatNorwegian } from '../../domain/number-format.ts';

const SKJEMA_OPTIONS = [
  ['0A', '0A Kommunens bevilgningsregnskap'],
  ['0B', '0B Kommunens balanse'],
  ['0M', '0M Særbedrifter, bevilgningsregnskap'],
  ['0N', '0N Særbedrifter, balanse'],
] as const;
const PERIOD_OPTIONS = [
  [' ', 'Årsregnskap'],
  ...['1', '2', '3', '4'].map((q) => [q, `${q}. kvartal`] as const),
] as const;

interface Finding {
  rule: string;
  title: string;
  severity: 'INFO' | 'WARNING' | 'ERROR' | 'FATAL';
  message: string;
  lines: number[];
  count: number;
}
interface Figure {
  code: string;
  label: string;
  value: number;
  terms: { what: string; amount: number }[];
}
interface CheckResult {
  records: number;
  highest: Finding['severity'] | null;
  findings: Finding[];
  functions: { function: string; name?: string; figures: Figure[] }[];
}

const SEVERITY = { FATAL: 'Kritisk feil', ERROR: 'Feil', WARNING: 'Advarsel', INFO: 'Informasjon' } as const;

/** What a KOSTRA file name tells: `0A_V2019_K4_R040200.dat` is skjema 0A, 2019, quarter 4, region 040200. */
function fromName(name: string) {
  return {
    skjema: /^(0[ABMN])/.exec(name)?.[1],
    year: /_V(\d{4})/.exec(name)?.[1],
    quarter: /_K(\d)/.exec(name)?.[1],
    region: /_R(\d{6})/.exec(name)?.[1],
  };
}

/** For a municipality: check the accounting file before sending it. Nothing is stored. */
export function CheckAccountsFile() {
  const [file, setFile] = useState<File>();
  const [skjema, setSkjema] = useState('0A');
  const [year, setYear] = useState('');
  const [quarter, setQuarter] = useState(' ');
  const [region, setRegion] = useState('');
  const [result, setResult] = useState<CheckResult>();
  const [error, setError] = useState<string>();
  const check = async () => {
    if (!file) return;
    setError(undefined);
    const query = new URLSearchParams({ skjema, year, quarter, region });
    await request<CheckResult>('POST', `/api/accounts/check?${query.toString()}`, {
      body: await file.arrayBuffer(),
      headers: { 'content-type': 'application/octet-stream' },
    }).then(setResult, (e: unknown) =>
      setError(e instanceof ApiProblem ? (e.body.detail ?? `Feil ${e.status}`) : String(e)),
    );
  };
  return (
    <PublicPage title="Sjekk regnskapsfila før du sender den">
      <Paragraph>
        Fila kontrolleres med SSBs kontroller for kommuneregnskapet. Den lagres ikke og sendes ikke videre.
      </Paragraph>
      <form
        className="sign-in"
        onSubmit={(event) => {
          event.preventDefault();
          void check();
        }}
      >
        <label className="ds-label" htmlFor="accounts-file">
          Regnskapsfil
        </label>
        <input
          id="accounts-file"
          className="ds-input"
          type="file"
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            setFile(chosen);
            if (!chosen) return;
            const named = fromName(chosen.name);
            if (named.skjema) setSkjema(named.skjema);
            if (named.year) setYear(named.year);
            if (named.quarter) setQuarter(named.quarter);
            if (named.region) setRegion(named.region);
          }}
        />
        <SelectField label="Skjema" value={skjema} onChange={setSkjema} options={SKJEMA_OPTIONS} />
        <Textfield label="Regnskapsår" value={year} onChange={(e) => setYear(e.target.value)} />
        <SelectField label="Periode" value={quarter} onChange={setQuarter} options={PERIOD_OPTIONS} />
        <Textfield
          label="Region (seks siffer, for eksempel 340100)"
          value={region}
          onChange={(e) => setRegion(e.target.value)}
        />
        <Button type="submit" disabled={!file}>
          Kontroller
        </Button>
      </form>
      {error && <Paragraph role="alert">{error}</Paragraph>}
      {result && <CheckReport result={result} />}
    </PublicPage>
  );
}

function CheckReport({ result }: { result: CheckResult }) {
  const verdict =
    result.highest === null
      ? 'Ingen funn: fila kan sendes.'
      : result.highest === 'ERROR' || result.highest === 'FATAL'
        ? 'Fila har feil som må rettes før den sendes.'
        : result.highest === 'WARNING'
          ? 'Fila kan sendes, men se advarslene.'
          : 'Fila kan sendes. Se merknadene.';
  return (
    <section aria-labelledby="result-heading">
      <Heading level={2} id="result-heading" data-size="sm">
        Resultat
      </Heading>
      <Paragraph role="status">
        {result.records} records. {verdict}
      </Paragraph>
      {result.findings.length > 0 && (
        <SimpleTable
          caption="Funn"
          columns={[
            { label: 'Kontroll' },
            { label: 'Alvorlighet' },
            { label: 'Melding' },
            { label: 'Linjer' },
          ]}
          rows={result.findings.map((f, i) => ({
            key: String(i),
            cells: [
              `${f.rule} ${f.title}`,
              SEVERITY[f.severity],
              f.message,
              `${f.lines.slice(0, 10).join(', ')}${f.count > 10 ? ` og ${f.count - 10} til` : ''}`,
            ],
          }))}
        />
      )}
      {result.functions.map((f) => (
        <SimpleTable
          key={f.function}
          caption={`Nøkkeltall for funksjon ${f.function} ${f.name ?? ''} (1000 kr)`}
          columns={[{ label: 'Begrep' }, { label: 'Beløp', numeric: true }, { label: 'Utregning' }]}
          rows={f.figures.map((k) => ({
            key: k.code,
            cells: [`${k.code} ${k.label}`, formatNorwegian(k.value), arithmetic(k, formatNorwegian)],
          }))}
        />
      ))}
    </section>
  );
}
