import { Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import type { Language } from '../../domain/language.ts';
import { formatNorwegian } from '../../domain/number-format.ts';
import type { WireComparable, WireComparison } from '../../wire/compare.ts';
import { ApiProblem, request } from '../api.ts';
import { LanguagePicker, storedLanguage } from '../language-picker.tsx';
import { PublicPage } from '../public-page.tsx';
import { SelectField } from '../select-field.tsx';
import { SimpleTable } from '../simple-table.tsx';
import { TEXTS } from './texts.ts';

/** The municipality in the address (`/sammenlign/4601`), so a comparison can be linked to. */
const municipalityInPath = () => /^\/sammenlign\/(\d{4})/.exec(window.location.pathname)?.[1];

const shown = (value: number | null, status: string | null, language: Language) =>
  status ??
  (value === null ? '..' : language === 'en' ? value.toLocaleString('en-GB') : formatNorwegian(value));

/** «Sammenlign»: a municipality against its KOSTRA group, county, the country and the country without Oslo. */
export function ComparePage() {
  const [language, setLanguage] = useState<Language>(storedLanguage);
  const t = TEXTS[language];
  const [comparable, setComparable] = useState<WireComparable | null>();
  const [municipality, setMunicipality] = useState<string | undefined>(municipalityInPath);
  const [fn, setFn] = useState('F254');
  const [comparison, setComparison] = useState<WireComparison>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    document.title = `${t.title} – KOSTRA`;
    document.documentElement.lang = language;
  }, [language, t.title]);
  useEffect(() => {
    let current = true;
    request<WireComparable>('GET', `/api/compare?lang=${language}`).then(
      (c) => {
        if (!current) return;
        setComparable(c);
        setMunicipality(
          (m) => m ?? c.municipalities.find((x) => x.code === '0301')?.code ?? c.municipalities[0]?.code,
        );
      },
      (e: unknown) => {
        if (!current) return;
        if (e instanceof ApiProblem && e.status === 404) setComparable(null);
        else setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      current = false;
    };
  }, [language]);
  useEffect(() => {
    if (!municipality || !comparable) return;
    window.history.replaceState(null, '', `/sammenlign/${municipality}`);
    // An answer to an earlier choice that comes after a later one is left unshown.
    let current = true;
    request<WireComparison>('GET', `/api/compare/${municipality}?lang=${language}&Funksjon=${fn}`).then(
      (c) => current && setComparison(c),
      (e: unknown) => current && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [municipality, fn, language, comparable]);

  return (
    <PublicPage title={t.title} language={language}>
      <LanguagePicker language={language} onChange={setLanguage} label={t.language} />
      <Paragraph>{t.intro}</Paragraph>
      {error && <Paragraph role="alert">{error}</Paragraph>}
      {comparable === undefined && !error && <Spinner aria-label={t.loading} />}
      {comparable === null && <Paragraph>{t.none}</Paragraph>}
      {comparable && municipality && (
        <div className="compare-choices">
          <SelectField
            label={t.municipality}
            value={municipality}
            onChange={setMunicipality}
            options={comparable.municipalities.map((m) => [m.code, m.label] as const)}
          />
          <SelectField
            label={t.function}
            value={fn}
            onChange={setFn}
            options={comparable.functions.map((f) => [f.code, f.label] as const)}
          />
        </div>
      )}
      {comparison && comparison.municipality.code === municipality && (
        <Comparison comparison={comparison} language={language} />
      )}
    </PublicPage>
  );
}

function Comparison({ comparison, language }: { comparison: WireComparison; language: Language }) {
  const t = TEXTS[language];
  const periods = comparison.periods;
  return (
    <>
      <Heading level={2} data-size="sm">
        {comparison.municipality.label}
      </Heading>
      {comparison.municipality.note.map((n) => (
        <Paragraph key={n} data-size="sm">
          {n}
        </Paragraph>
      ))}
      <Paragraph data-size="sm">
        {t.downloads}: <Link href={comparison.downloads.csv}>CSV</Link> ·{' '}
        <Link href={comparison.downloads.xlsx}>Excel</Link> ·{' '}
        <Link href={comparison.downloads.json_stat}>JSON-stat</Link> ({t.api})
      </Paragraph>
      {comparison.figures.map((figure) => (
        <section key={figure.code} className="published-table" aria-labelledby={`f-${figure.code}`}>
          <Heading level={3} id={`f-${figure.code}`} data-size="xs">
            {figure.label}
          </Heading>
          <img
            src={figure.chart}
            alt={t.chart(figure.label, comparison.municipality.label)}
            width={720}
            height={360}
          />
          <div className="table-scroll" role="region" aria-label={figure.label} tabIndex={0}>
            <SimpleTable
              caption={figure.label}
              columns={[{ label: t.region }, ...periods.map((p) => ({ label: p.code, numeric: true }))]}
              rows={figure.series.map((s) => ({
                key: s.compared,
                testId: `${figure.code}-${s.compared}`,
                cells: [
                  !s.label
                    ? t.compared[s.compared]
                    : s.compared === 'county'
                      ? `${s.label} (${t.county})`
                      : s.label,
                  ...s.values.map((v) => shown(v.value, v.status, language)),
                ],
              }))}
            />
          </div>
        </section>
      ))}
      <Heading level={2} data-size="xs">
        {t.notes}
      </Heading>
      <ul>
        {[...periods.flatMap((p) => p.note), ...comparison.notes, t.symbols, t.tablesIn].map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </>
  );
}
