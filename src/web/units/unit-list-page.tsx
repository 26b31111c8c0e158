import { SiteFooter } from '../site-footer.tsx';
import { Alert, Button, Heading, Paragraph, Spinner, Tag, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Language } from '../../domain/language.ts';
import { norwegianDay, osloDay } from '../../domain/oslo-time.ts';
import type { WireListedUnit, WireUnitList, WireUnitsUploaded } from '../../wire/units.ts';
import { ApiProblem, call, request } from '../api.ts';
import { LanguagePicker, storedLanguage } from '../language-picker.tsx';
import { CellErrors, cellErrorsOf, type CellError } from '../form/excel-section.tsx';
import { SelectField } from '../select-field.tsx';
import { unitTexts, type UnitTexts } from './texts.ts';

type Disowning = NonNullable<WireListedUnit['disowned']>;
const DISOWNINGS: readonly Disowning[] = ['not_ours', 'no_agreement', 'closed'];
type Shown = WireListedUnit['status'] | 'disowned';

const units = {
  list: () => call<WireUnitList>('GET', '/api/units'),
  open: (round: string, unit: string) => call<undefined>('POST', '/api/units/open', { round, unit }),
  delegate: (round: string, unit: string) =>
    call<{ link: string }>('POST', '/api/units/delegate', { round, unit }),
  disown: (round: string, unit: string, mark: { kind: Disowning; reason: string } | null) =>
    call<undefined>('PUT', '/api/units/disowned', { round, unit, mark }),
  signOut: () => call<undefined>('DELETE', '/api/units/session'),
  upload: (file: File, lang: string) =>
    request<WireUnitsUploaded>('PUT', `/api/units/workbook.xlsx?lang=${lang}`, {
      body: file,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    }),
};

const shownStatus = (u: WireListedUnit): Shown => (u.disowned ? 'disowned' : u.status);
const keyOf = (u: WireListedUnit) => `${u.round}/${u.unit}`;

/** A responsible's list of units (`/enheter`): filter, open, share with a colleague, or mark as not theirs. */
export function UnitListPage() {
  const [language, setLanguage] = useState<Language>(storedLanguage);
  const [list, setList] = useState<WireUnitList | 'loading' | 'signed-out'>('loading');
  const [error, setError] = useState<string>();
  const t = unitTexts(language);

  const load = useCallback(async () => {
    try {
      setList(await units.list());
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 401) setList('signed-out');
      else setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${t.title} – KOSTRA`;
  }, [language, t.title]);

  return (
    <div className="page">
      <header className="page-header">
        <span className="brand">KOSTRA</span>
        <LanguagePicker language={language} onChange={setLanguage} label={t.language} />
        {typeof list === 'object' && (
          <Button
            variant="tertiary"
            data-size="sm"
            onClick={() => void units.signOut().then(() => setList('signed-out'))}
          >
            {t.signOut}
          </Button>
        )}
      </header>
      <main id="main">
        {error && <Alert data-color="danger">{error}</Alert>}
        {list === 'loading' && <Spinner aria-label="…" />}
        {list === 'signed-out' && <Paragraph>{t.signedOut}</Paragraph>}
        {typeof list === 'object' && (
          <UnitTable list={list} t={t} language={language} reload={load} onError={setError} />
        )}
      </main>
      <SiteFooter language={language} />
    </div>
  );
}

function UnitTable(props: {
  list: WireUnitList;
  t: UnitTexts;
  language: Language;
  reload: () => Promise<void>;
  onError: (message: string) => void;
}) {
  const { list, t, language } = props;
  const [query, setQuery] = useState('');
  const [form, setForm] = useState('');
  const [status, setStatus] = useState<Shown | ''>('');
  const [open, setOpen] = useState<{ key: string; kind: 'delegate' | 'disown' }>();
  const forms = useMemo(() => {
    const seen = new Map<string, WireListedUnit['form_title']>();
    for (const u of list.units) if (!seen.has(u.form)) seen.set(u.form, u.form_title);
    return [...seen];
  }, [list]);
  const shown = list.units.filter((u) => {
    const q = query.trim().toLowerCase();
    return (
      (form === '' || u.form === form) &&
      (status === '' || shownStatus(u) === status) &&
      (q === '' || `${u.name} ${u.unit} ${u.address ?? ''}`.toLowerCase().includes(q))
    );
  });
  const counts = new Map<Shown, number>();
  for (const u of list.units) counts.set(shownStatus(u), (counts.get(shownStatus(u)) ?? 0) + 1);
  const fail = (e: unknown) => props.onError(e instanceof Error ? e.message : String(e));
  const statuses: Shown[] = ['not_started', 'draft', 'submitted', 'changed_after_submission', 'disowned'];

  return (
    <>
      <Heading level={1} data-size="md">
        {t.title}: {list.name} ({list.responsible})
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      {list.synthetic && (
        <Alert data-color="warning" data-testid="synthetic">
          {t.synthetic}
        </Alert>
      )}
      <ul className="unit-counts" aria-label={t.status}>
        {statuses.map((s) => (
          <li key={s}>
            <Tag data-color={s === 'submitted' ? 'success' : s === 'disowned' ? 'neutral' : 'info'}>
              {t.statuses[s]}: {counts.get(s) ?? 0}
            </Tag>
          </li>
        ))}
      </ul>
      <div className="unit-filters">
        <Textfield label={t.search} value={query} onChange={(e) => setQuery(e.target.value)} />
        <SelectField
          label={t.form}
          value={form}
          onChange={setForm}
          options={[['', t.allForms], ...forms.map(([id, title]) => [id, title[language]] as const)]}
        />
        <SelectField
          label={t.status}
          value={status}
          onChange={(v) => setStatus(v as Shown | '')}
          options={[['', t.allStatuses], ...statuses.map((s) => [s, t.statuses[s]] as const)]}
        />
      </div>
      <WorkbookSection t={t} language={language} reload={props.reload} />
      <Paragraph role="status" data-testid="shown">
        {t.shown.replace('{shown}', String(shown.length)).replace('{all}', String(list.units.length))}
      </Paragraph>
      <div className="table-scroll">
        <table className="ds-table unit-table" data-border>
          <thead>
            <tr>
              <th scope="col">{t.unit}</th>
              <th scope="col">{t.form}</th>
              <th scope="col">{t.address}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.deadline}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((u) => (
              <UnitRow
                key={keyOf(u)}
                unit={u}
                t={t}
                language={language}
                panel={open?.key === keyOf(u) ? open.kind : undefined}
                onPanel={(kind) => setOpen(kind ? { key: keyOf(u), kind } : undefined)}
                reload={props.reload}
                fail={fail}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function UnitRow(props: {
  unit: WireListedUnit;
  t: UnitTexts;
  language: Language;
  panel: 'delegate' | 'disown' | undefined;
  onPanel: (kind: 'delegate' | 'disown' | undefined) => void;
  reload: () => Promise<void>;
  fail: (e: unknown) => void;
}) {
  const { unit: u, t, language } = props;
  const [link, setLink] = useState<string>();
  const [copied, setCopied] = useState(false);
  const [kind, setKind] = useState<Disowning>('not_ours');
  const [reason, setReason] = useState('');
  const openForm = () =>
    units.open(u.round, u.unit).then(() => {
      sessionStorage.setItem('kostra-from-list', '1');
      window.location.assign('/');
    }, props.fail);
  return (
    <>
      <tr data-testid={`unit-${u.unit}`}>
        <th scope="row">
          {u.name}
          <br />
          <span className="muted">{u.unit}</span>
        </th>
        <td>{u.form_title[language]}</td>
        <td>{u.address ?? ''}</td>
        <td>
          {u.disowned ? (
            <>
              {t.disowning[u.disowned]}
              <br />
              <span className="muted">{u.disowned_reason}</span>
            </>
          ) : (
            t.statuses[u.status]
          )}
        </td>
        <td>{u.deadline ? norwegianDay(osloDay(new Date(u.deadline))) : ''}</td>
        <td className="unit-actions">
          <Button
            data-size="sm"
            variant="secondary"
            aria-label={`${u.open ? t.open : t.view}: ${u.name}`}
            onClick={() => void openForm()}
          >
            {u.open ? t.open : t.view}
          </Button>
          <Button
            data-size="sm"
            variant="tertiary"
            aria-expanded={props.panel === 'delegate'}
            aria-label={`${t.delegate}: ${u.name}`}
            onClick={() => {
              if (props.panel === 'delegate') {
                props.onPanel(undefined);
                return;
              }
              void units.delegate(u.round, u.unit).then((d) => {
                setLink(d.link);
                props.onPanel('delegate');
              }, props.fail);
            }}
          >
            {t.delegate}
          </Button>
          {u.disowned ? (
            <Button
              data-size="sm"
              variant="tertiary"
              aria-label={`${t.undo}: ${u.name}`}
              onClick={() => void units.disown(u.round, u.unit, null).then(props.reload, props.fail)}
            >
              {t.undo}
            </Button>
          ) : (
            <Button
              data-size="sm"
              variant="tertiary"
              aria-expanded={props.panel === 'disown'}
              aria-label={`${t.disown}: ${u.name}`}
              onClick={() => props.onPanel(props.panel === 'disown' ? undefined : 'disown')}
            >
              {t.disown}
            </Button>
          )}
        </td>
      </tr>
      {props.panel === 'delegate' && link && (
        <tr>
          <td colSpan={6}>
            <Textfield label={t.linkFor.replace('{name}', u.name)} value={link} readOnly />
            <Button
              data-size="sm"
              variant="secondary"
              onClick={() => void navigator.clipboard.writeText(link).then(() => setCopied(true), props.fail)}
            >
              {copied ? t.copied : t.copy}
            </Button>
          </td>
        </tr>
      )}
      {props.panel === 'disown' && (
        <tr>
          <td colSpan={6}>
            <form
              className="disown-form"
              aria-label={t.disownFor.replace('{name}', u.name)}
              onSubmit={(e) => {
                e.preventDefault();
                void units.disown(u.round, u.unit, { kind, reason }).then(() => {
                  props.onPanel(undefined);
                  return props.reload();
                }, props.fail);
              }}
            >
              <Paragraph>{t.disownFor.replace('{name}', u.name)}</Paragraph>
              <SelectField
                label={t.kind}
                value={kind}
                onChange={(v) => setKind(v as Disowning)}
                options={DISOWNINGS.map((d) => [d, t.disowning[d]] as const)}
              />
              <Textfield
                label={t.reason}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                required
              />
              <Button type="submit" data-size="sm" disabled={reason.trim() === ''}>
                {t.save}
              </Button>
              <Button
                type="button"
                data-size="sm"
                variant="tertiary"
                onClick={() => props.onPanel(undefined)}
              >
                {t.cancel}
              </Button>
            </form>
          </td>
        </tr>
      )}
    </>
  );
}

/** All units in one workbook, a sheet each; uploaded back, every changed unit is saved as a draft, or nothing. */
function WorkbookSection(props: { t: UnitTexts; language: Language; reload: () => Promise<void> }) {
  const { t, language } = props;
  const [errors, setErrors] = useState<CellError[]>([]);
  const [saved, setSaved] = useState<string>();
  return (
    <section className="excel" aria-labelledby="units-excel-heading">
      <Heading level={2} id="units-excel-heading" data-size="xs">
        {t.excelHeading}
      </Heading>
      <Paragraph>{t.excelHelp}</Paragraph>
      <p>
        <a className="ds-link" href={`/api/units/workbook.xlsx?lang=${language}`} download>
          {t.excelDownload}
        </a>
      </p>
      <p>
        <label htmlFor="units-excel-upload">{t.excelUpload}</label>{' '}
        <input
          id="units-excel-upload"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            units.upload(file, language).then(
              (result) => {
                setErrors([]);
                setSaved(
                  t.excelSaved.replace('{n}', String(result.units.filter((u) => u.version !== null).length)),
                );
                void props.reload();
              },
              (e: unknown) => {
                setSaved(undefined);
                setErrors(cellErrorsOf(e));
              },
            );
          }}
        />
      </p>
      {saved && (
        <Alert data-color="success" role="status">
          {saved}
        </Alert>
      )}
      <CellErrors heading={t.excelErrors} errors={errors} />
    </section>
  );
}
