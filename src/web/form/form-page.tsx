import { osloDateTimeIn } from '../../domain/oslo-time.ts';
import { Alert, ErrorSummary, Heading, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import type { Language } from '../../domain/language.ts';
import { formatNorwegian, parseNorwegian } from '../../domain/number-format.ts';
import { ApiProblem, api } from '../api.ts';
import { textsFor } from '../texts.ts';
import { AmountTable } from './amount-table.tsx';
import {
  amountKey,
  fieldId,
  type AmountTexts,
  type Finding,
  type FormView,
  type WireContent,
} from './model.ts';
import {
  ClearedNotice,
  FormEnd,
  Receipt,
  SaveStatus,
  StatusTag,
  statusNow,
  SubmittedEarlier,
  type SaveState,
} from './form-parts.tsx';

const AUTOSAVE_MS = 1000;

const emptyRow = (measures: string[]) => ({
  fewer_than_5: false,
  amounts: Object.fromEntries(measures.map((m) => [m, null])) as Record<string, number | null>,
});

/** The form: tables from the definition, autosave with the version it edited, validation, submission. */
export function FormPage({
  view,
  language,
  reload,
}: {
  view: FormView;
  language: Language;
  reload: () => Promise<void>;
}) {
  const t = textsFor(language);
  const measures = view.survey.measures.map((m) => m.code);
  const [content, setContent] = useState<WireContent>(view.response ?? { tables: {}, comments: '' });
  const [texts, setTexts] = useState<AmountTexts>({});
  const [state, setState] = useState<SaveState>('saved');
  // What the saved draft holds already, shown as the form opens, after a reload and after an upload.
  const [findings, setFindings] = useState<{ errors: Finding[]; warnings: Finding[] }>(view.findings);
  const [submitted, setSubmitted] = useState<{ version: number; at: string } | null>(null);
  /** The amounts a ticked fewer-than-five box took away, to put back if that was not meant. */
  const [cleared, setCleared] = useState<{
    table: string;
    row: string;
    label: string;
    amounts: Record<string, number | null>;
  }>();
  const [refusal, setRefusal] = useState('');
  const version = useRef(view.version);
  /** The latest version on the server when a save met a conflict: saving over it keeps the user's. */
  const latestVersion = useRef(view.version);
  const retryAfterMs = useRef(AUTOSAVE_MS);
  const summary = useRef<HTMLDivElement>(null);
  const readOnly = !view.open;

  const edit = (change: (draft: WireContent) => void) => {
    setContent((previous) => {
      const draft = structuredClone(previous);
      change(draft);
      return draft;
    });
    setState('dirty');
  };
  const row = (draft: WireContent, table: string, key: string) => {
    draft.tables[table] ??= { methods: [], rows: {} };
    return (draft.tables[table].rows[key] ??= emptyRow(measures));
  };

  // Fields holding text that is not a number: the rest of the form is saved; these keep their last number
  // and are said beside the save state until corrected.
  const unreadable = Object.entries(texts)
    .filter(([, text]) => Number.isNaN(parseNorwegian(text)))
    .map(([key]) => {
      const [table = '', rowKey = '', measure = ''] = key.split('/');
      return { table, row: rowKey, measure };
    });

  const save = async (): Promise<boolean> => {
    setState('saving');
    try {
      const result = await api.save(version.current, content, language);
      version.current = result.version;
      setFindings({ errors: result.errors, warnings: result.warnings });
      setState('saved');
      return true;
    } catch (e) {
      if (!(e instanceof ApiProblem) || e.status === 503 || e.status === 429 || e.status >= 500) {
        // A busy server says when to come back: every form waiting its own second would keep it busy.
        retryAfterMs.current = Math.max(
          AUTOSAVE_MS,
          ((e instanceof ApiProblem && e.retryAfterSeconds) || 0) * 1000,
        );
        setState('offline');
      } else if (e.status === 412) {
        // A save whose answer was lost may have landed: if the latest version holds just what was sent,
        // it is this save, not a colleague's.
        const latest = await api.form().catch(() => undefined);
        if (latest && !('kind' in latest) && JSON.stringify(latest.response) === JSON.stringify(content)) {
          version.current = latest.version;
          setState('saved');
          return true;
        }
        latestVersion.current = latest?.version ?? version.current;
        setState('conflict');
      } else {
        setRefusal(e.message);
        setState('refused');
      }
      return false;
    }
  };

  const undoCleared = () => {
    if (!cleared) return;
    edit((draft) => {
      const r = row(draft, cleared.table, cleared.row);
      r.fewer_than_5 = false;
      r.amounts = { ...cleared.amounts };
    });
    setCleared(undefined);
  };

  const keepMine = () => {
    version.current = latestVersion.current;
    void save();
  };

  useEffect(() => {
    if ((state !== 'dirty' && state !== 'offline') || readOnly) return;
    const timer = setTimeout(() => void save(), state === 'offline' ? retryAfterMs.current : AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [content, texts, state]);

  if (submitted)
    return <Receipt t={t} language={language} submitted={submitted} onBack={() => void reload()} />;

  const link = (f: Finding) =>
    `#${f.table === undefined ? 'field-comments' : f.measure !== undefined && f.row !== undefined ? fieldId(f.table, f.row, f.measure) : f.row !== undefined ? fieldId(f.table, f.row, 'fewer_than_5') : fieldId(f.table)}`;

  return (
    <div className="form-page">
      <Heading level={1} data-size="md">
        {view.survey.title[language]}
      </Heading>
      <dl className="form-facts">
        <dt>{t.municipality}</dt>
        <dd>
          {view.municipality.code} {view.municipality.name}
        </dd>
        {view.deadline && (
          <>
            <dt>{t.deadline}</dt>
            <dd>{osloDateTimeIn(new Date(view.deadline), language)}</dd>
          </>
        )}
        <dt>Status</dt>
        <dd>
          <StatusTag t={t} status={statusNow(view, version.current)} />
        </dd>
      </dl>
      <SaveStatus
        t={t}
        state={state}
        version={version.current}
        refusal={refusal}
        readOnly={readOnly}
        onReload={() => void reload()}
        onKeepMine={keepMine}
        unreadable={unreadable.map((f) => fieldId(f.table, f.row, f.measure))}
      />
      <SubmittedEarlier t={t} language={language} view={view} version={version.current} />
      <div ref={summary} tabIndex={-1} aria-live="assertive">
        {findings.errors.length > 0 && (
          <ErrorSummary>
            <ErrorSummary.Heading>{t.errorsHeading}</ErrorSummary.Heading>
            <ErrorSummary.List>
              {findings.errors.map((f, i) => (
                <ErrorSummary.Item key={i}>
                  <ErrorSummary.Link href={link(f)}>{f.message}</ErrorSummary.Link>
                </ErrorSummary.Item>
              ))}
            </ErrorSummary.List>
          </ErrorSummary>
        )}
      </div>
      {findings.warnings.length > 0 && (
        <Alert data-color="warning" className="warnings">
          <Heading level={2} data-size="xs">
            {t.warningsHeading}
          </Heading>
          <ul>
            {findings.warnings.map((f, i) => (
              <li key={i}>
                <a href={link(f)}>{f.message}</a>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <section className="prefilled" aria-labelledby="prefilled-heading">
        <h2 id="prefilled-heading" className="ds-heading" data-size="xs">
          {view.survey.fields.prefilled_total.labels[language]}
        </h2>
        <p className="guidance">{view.survey.fields.prefilled_total.guidance[language]}</p>
        <dl className="totals">
          {view.survey.measures.map((m) => (
            <div key={m.code}>
              <dt>
                <abbr title={m.labels[language]}>{m.code}</abbr> {m.labels[language]}
              </dt>
              <dd data-testid={`prefilled-${m.code}`}>
                {view.prefilled[m.code] == null ? '–' : formatNorwegian(view.prefilled[m.code]!)}
              </dd>
            </div>
          ))}
        </dl>
        <details className="measure-definitions">
          <summary>{t.measureDefinitions}</summary>
          <dl>
            {view.survey.measures.map((m) => (
              <div key={m.code}>
                <dt>
                  {m.code} {m.labels[language]}
                </dt>
                <dd>{m.guidance[language]}</dd>
              </div>
            ))}
          </dl>
        </details>
      </section>
      {cleared && <ClearedNotice t={t} message={t.amountsCleared(cleared.label)} onUndo={undoCleared} />}
      {view.survey.tables.map((table) => (
        <AmountTable
          key={table.key}
          view={view}
          table={table}
          content={content}
          texts={texts}
          language={language}
          t={t}
          readOnly={readOnly}
          onAmount={(rowKey, measure, text) => {
            setCleared(undefined);
            setTexts((previous) => ({ ...previous, [amountKey(table.key, rowKey, measure)]: text }));
            const value = parseNorwegian(text);
            if (Number.isNaN(value)) return;
            edit((draft) => {
              row(draft, table.key, rowKey).amounts[measure] = value;
            });
          }}
          onFewerThan5={(rowKey, ticked) => {
            // Ticking the box takes the row's amounts away (they are not to be given): say so, and offer
            // to undo, rather than wipe them silently.
            const before = content.tables[table.key]?.rows[rowKey];
            const had = before ? Object.values(before.amounts).some((a) => a !== null) : false;
            const rowLabel = table.rows.find((r) => r.key === rowKey)?.labels[language] ?? rowKey;
            setCleared(
              ticked && had && before
                ? { table: table.key, row: rowKey, label: rowLabel, amounts: { ...before.amounts } }
                : undefined,
            );
            setTexts((previous) =>
              Object.fromEntries(
                Object.entries(previous).filter(([k]) => !k.startsWith(`${table.key}/${rowKey}/`)),
              ),
            );
            edit((draft) => {
              const r = row(draft, table.key, rowKey);
              r.fewer_than_5 = ticked;
              if (ticked) for (const m of measures) r.amounts[m] = null;
            });
          }}
          onMethod={(method, ticked) => {
            setCleared(undefined);
            edit((draft) => {
              const answer = (draft.tables[table.key] ??= { methods: [], rows: {} });
              const methods = answer.methods.filter((m) => m !== method);
              answer.methods = ticked ? [...methods, method] : methods;
            });
          }}
        />
      ))}
      <Textfield
        id="field-comments"
        multiline
        rows={5}
        label={view.survey.fields.comments.labels[language]}
        description={view.survey.fields.comments.guidance[language]}
        value={content.comments}
        readOnly={readOnly}
        onChange={(e) => {
          const comments = e.target.value;
          edit((draft) => {
            draft.comments = comments;
          });
        }}
      />
      <FormEnd
        t={t}
        language={language}
        version={() => version.current}
        readOnly={readOnly}
        again={view.last_submission !== null}
        onUploaded={() => void reload()}
        onSubmit={async (details) => {
          if (unreadable.length > 0) {
            setFindings((previous) => ({
              ...previous,
              errors: [
                {
                  rule_id: 'unreadable',
                  severity: 'error',
                  ...unreadable[0]!,
                  message: t.unreadableBlocksSubmit,
                },
              ],
            }));
            summary.current?.focus();
            return;
          }
          if (state !== 'saved' && !(await save())) return;
          try {
            const result = await api.submit(details, language);
            setSubmitted({ version: result.version, at: result.submitted_at });
          } catch (e) {
            if (e instanceof ApiProblem && e.status === 422) {
              setFindings((previous) => ({ ...previous, errors: (e.body.errors ?? []) as Finding[] }));
              summary.current?.focus();
            } else throw e;
          }
        }}
      />
    </div>
  );
}
