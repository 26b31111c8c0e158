import {
  Alert,
  Button,
  Details,
  Fieldset,
  Radio,
  ErrorSummary,
  Heading,
  Paragraph,
  Textfield,
} from '@digdir/designsystemet-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  answerPaths,
  answersTakenByFlag,
  COMMENTS,
  type AnswerValue,
  type Answers,
} from '../../domain/forms/answers.ts';
import { isShown } from '../../domain/forms/conditions.ts';
import { fromPlainForm, type ResolvedForm } from '../../domain/forms/resolve.ts';
import { validateAnswers } from '../../domain/forms/validate.ts';
import type { Language } from '../../domain/language.ts';
import { parseNorwegian } from '../../domain/number-format.ts';
import { osloDateTimeIn } from '../../domain/oslo-time.ts';
import type { WireFormFinding, WireFormRound } from '../../wire/form-answers.ts';
import { ApiProblem, api } from '../api.ts';
import {
  ClearedNotice,
  FormEnd,
  Receipt,
  SaveStatus,
  StatusTag,
  statusNow,
  SubmittedEarlier,
  type SaveState,
} from '../form/form-parts.tsx';
import { textsFor } from '../texts.ts';
import { fieldIdOf, ItemField, readsAsNumber } from './fields.tsx';
import { engineWords } from './texts.ts';

const AUTOSAVE_MS = 1000;

/** The answers without those of questions that do not apply given the others (a closed part keeps none). */
function withoutHidden(form: ResolvedForm, answers: Answers): Answers {
  const kept: Record<string, AnswerValue> = {};
  const sections = new Map(form.sections.map((s) => [s.key, s]));
  for (const [path, value] of Object.entries(answers)) {
    const info = answerPaths(form).get(path);
    if (info && !isShown(sections.get(info.item.section)!, info.item, answers)) continue;
    kept[path] = value;
  }
  return kept;
}

/**
 * A form of the forms engine, rendered from its definition for the year: parts with a table of contents,
 * every kind of question, grids with totals, parts that open on an answer, validation as the user types (the
 * engine's own, in the browser), autosave with the version it edited, submission and receipt.
 */
export function EngineFormPage({
  view,
  language,
  reload,
}: {
  view: WireFormRound;
  language: Language;
  reload: () => Promise<void>;
}) {
  const t = textsFor(language);
  const w = engineWords(language);
  const form = useMemo(() => fromPlainForm(view.form), [view.form]);
  const [answers, setAnswers] = useState<Answers>(view.answers);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [state, setState] = useState<SaveState>('saved');
  const [refusal, setRefusal] = useState('');
  const [submitted, setSubmitted] = useState<{ version: number; at: string } | null>(null);
  const version = useRef(view.version);
  const retryAfterMs = useRef(AUTOSAVE_MS);
  const summary = useRef<HTMLDivElement>(null);
  const readOnly = !view.open;
  // Questions not yet answered are told once the user tries to submit, not while they are still to come.
  const [submitTried, setSubmitTried] = useState(false);
  const [layout, setLayout] = useState<'page' | 'steps'>('page');
  const [step, setStep] = useState(0);
  /** What the server found when it held a submission back: shown too, where the browser's check had not. */
  const [heldBackBy, setHeldBackBy] = useState<readonly WireFormFinding[]>([]);
  const findings = useMemo(() => {
    const found = validateAnswers(form, answers, language);
    const now = (f: { kind: string }) => submitTried || (f.kind !== 'required' && f.kind !== 'required_if');
    const errors = found.errors.filter(now);
    const more = heldBackBy.filter((h) => !errors.some((f) => f.message === h.message));
    return { errors: [...errors, ...more], warnings: found.warnings };
  }, [form, answers, language, submitTried, heldBackBy]);
  // Beside the field: the message without its place (the summary above gives it with the place).
  const messages = useMemo(() => {
    const byPath = new Map<string, string>();
    for (const f of [...findings.errors, ...findings.warnings])
      if (!byPath.has(f.path)) byPath.set(f.path, f.detail);
    return byPath;
  }, [findings]);

  /** The numbers a row's tick took away (f254: fewer than five users), to put back if that was not meant. */
  const [cleared, setCleared] = useState<{ message: string; flag: string; values: Answers }>();
  const answer = (path: string, value: AnswerValue) => {
    // A ticked row keeps no numbers: say which were taken away, and offer to undo, rather than drop them.
    const taken = value === true ? answersTakenByFlag(form, answers, path) : {};
    const info = answerPaths(form).get(path);
    if (info?.item.kind === 'grid' && Object.keys(taken).length > 0) {
      const row = info.item.rows.find((r) => r.code === info.row)?.labels[language] ?? '';
      const flag = info.item.row_flag?.labels[language] ?? '';
      setCleared({
        message: w.cleared.replace('{row}', row).replace('{flag}', flag),
        flag: path,
        values: taken,
      });
      setTexts((previous) => Object.fromEntries(Object.entries(previous).filter(([p]) => !(p in taken))));
    } else setCleared(undefined);
    setHeldBackBy([]);
    setAnswers((previous) =>
      withoutHidden(form, {
        ...Object.fromEntries(Object.entries(previous).filter(([p]) => !(p in taken))),
        [path]: value,
      }),
    );
    setState('dirty');
  };
  const undoCleared = () => {
    if (!cleared) return;
    setAnswers((previous) => withoutHidden(form, { ...previous, ...cleared.values, [cleared.flag]: false }));
    setCleared(undefined);
    setState('dirty');
  };
  const text = (path: string, typed: string) => {
    setTexts((previous) => ({ ...previous, [path]: typed }));
    if (readsAsNumber(typed)) answer(path, parseNorwegian(typed));
  };

  // Fields holding text that is not a number: the rest is saved; these keep their last number, are said beside
  // the save state, and hold back a submission.
  const unreadable = Object.entries(texts)
    .filter(([, typed]) => !readsAsNumber(typed))
    .map(([path]) => path);

  const save = async (): Promise<boolean> => {
    setState('saving');
    try {
      const result = await api.saveAnswers(version.current, answers, language);
      version.current = result.version;
      setState('saved');
      return true;
    } catch (e) {
      if (!(e instanceof ApiProblem) || e.status === 503 || e.status === 429 || e.status >= 500) {
        retryAfterMs.current = Math.max(
          AUTOSAVE_MS,
          ((e instanceof ApiProblem && e.retryAfterSeconds) || 0) * 1000,
        );
        setState('offline');
      } else if (e.status === 412) setState('conflict');
      else {
        setRefusal(e.message);
        setState('refused');
      }
      return false;
    }
  };

  useEffect(() => {
    if ((state !== 'dirty' && state !== 'offline') || readOnly) return;
    const timer = setTimeout(() => void save(), state === 'offline' ? retryAfterMs.current : AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [answers, state]);

  if (submitted)
    return <Receipt t={t} language={language} submitted={submitted} onBack={() => void reload()} />;

  const sections = form.sections.filter((s) => isShown(s, undefined, answers));
  // One step a part, and a last one for the comments and the submission.
  const last = sections.length;
  const current = Math.min(step, last);
  const stepped = layout === 'steps';
  const headingOf = (n: number) => (n >= last ? 'heading-finish' : `heading-${sections[n]!.key}`);
  const goTo = (n: number, focus = headingOf(n)) => {
    setStep(n);
    setTimeout(() => document.getElementById(focus)?.focus(), 0);
  };
  /** The step a finding's field is on. */
  const stepOf = (path: string) => {
    const section = form.items.get(path.split('/')[0] ?? '')?.section;
    const n = sections.findIndex((s) => s.key === section);
    return n < 0 ? last : n;
  };
  const toField = (path: string) => (event: { preventDefault: () => void }) => {
    if (!stepped || stepOf(path) === current) return;
    event.preventDefault();
    goTo(stepOf(path), fieldIdOf(path.replace(/\/\*.*$/, '')));
  };
  return (
    <div className="form-page engine-form">
      <Heading level={1} data-size="md">
        {form.title[language]}
      </Heading>
      <dl className="form-facts">
        <dt>{w.unit[view.unit.kind]}</dt>
        <dd>
          {view.unit.code} {view.unit.name}
        </dd>
        <dt>{w.year}</dt>
        <dd>{form.year}</dd>
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
        unreadable={unreadable.map(fieldIdOf)}
      />
      <SubmittedEarlier t={t} language={language} view={view} version={version.current} />
      {cleared && <ClearedNotice t={t} message={cleared.message} onUndo={undoCleared} />}
      {view.new_this_year.length > 0 && (
        <Details className="new-this-year">
          <Details.Summary>{w.newThisYear}</Details.Summary>
          <Details.Content>
            <ul>
              {view.new_this_year.map((n, i) => (
                <li key={i}>{n.text[language]}</li>
              ))}
            </ul>
          </Details.Content>
        </Details>
      )}
      <Fieldset className="layout-choice" data-size="sm">
        <Fieldset.Legend>{w.layout}</Fieldset.Legend>
        <Radio
          label={w.wholeForm}
          name="layout"
          value="page"
          checked={!stepped}
          onChange={() => setLayout('page')}
        />
        <Radio
          label={w.oneStep}
          name="layout"
          value="steps"
          checked={stepped}
          onChange={() => setLayout('steps')}
        />
      </Fieldset>
      <nav className="contents" aria-label={w.contents}>
        <ol>
          {sections.map((s, n) => (
            <li key={s.key}>
              <a
                href={`#section-${s.key}`}
                aria-current={stepped && n === current ? 'step' : undefined}
                onClick={(event) => {
                  if (!stepped) return;
                  event.preventDefault();
                  goTo(n);
                }}
              >
                {s.number ? `${w.part} ${s.number}: ` : ''}
                {s.labels[language]}
              </a>
            </li>
          ))}
          {stepped && (
            <li>
              <a
                href="#section-finish"
                aria-current={current === last ? 'step' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  goTo(last);
                }}
              >
                {w.finish}
              </a>
            </li>
          )}
        </ol>
      </nav>
      <div ref={summary} tabIndex={-1} aria-live="polite">
        {(findings.errors.length > 0 || (submitTried && unreadable.length > 0)) && (
          <ErrorSummary>
            <ErrorSummary.Heading>{t.errorsHeading}</ErrorSummary.Heading>
            <ErrorSummary.List>
              {submitTried && unreadable.length > 0 && (
                <ErrorSummary.Item>
                  <ErrorSummary.Link href={`#${fieldIdOf(unreadable[0]!)}`} onClick={toField(unreadable[0]!)}>
                    {t.unreadableBlocksSubmit}
                  </ErrorSummary.Link>
                </ErrorSummary.Item>
              )}
              {findings.errors.map((f, i) => (
                <ErrorSummary.Item key={i}>
                  <ErrorSummary.Link
                    href={`#${fieldIdOf(f.path.replace(/\/\*.*$/, ''))}`}
                    onClick={toField(f.path)}
                  >
                    {f.message}
                  </ErrorSummary.Link>
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
                <a href={`#${fieldIdOf(f.path)}`} onClick={toField(f.path)}>
                  {f.message}
                </a>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {(stepped ? sections.slice(current, current + 1) : sections).map((section) => (
        <section
          key={section.key}
          id={`section-${section.key}`}
          className="form-section"
          aria-labelledby={`heading-${section.key}`}
        >
          {stepped && (
            <Paragraph data-size="sm" className="step-count">
              {w.stepOf.replace('{n}', String(current + 1)).replace('{m}', String(last + 1))}
            </Paragraph>
          )}
          <Heading level={2} data-size="sm" id={`heading-${section.key}`} tabIndex={-1}>
            {section.number ? `${w.part} ${section.number} ` : ''}
            {section.labels[language]}
          </Heading>
          {section.guidance && <Paragraph className="guidance">{section.guidance[language]}</Paragraph>}
          {section.items
            .filter((item) => isShown(section, item, answers))
            .map((item) => (
              <ItemField
                key={item.key}
                form={form}
                item={item}
                answers={answers}
                texts={texts}
                errors={messages}
                language={language}
                readOnly={readOnly}
                onAnswer={answer}
                onText={text}
              />
            ))}
        </section>
      ))}
      {stepped && current < last && (
        <div className="step-buttons">
          {current > 0 && (
            <Button variant="secondary" onClick={() => goTo(current - 1)}>
              {w.previous}
            </Button>
          )}
          <Button onClick={() => goTo(current + 1)}>{w.next}</Button>
        </div>
      )}
      {(!stepped || current === last) && (
        <section id="section-finish" aria-labelledby={stepped ? 'heading-finish' : undefined}>
          {stepped && (
            <>
              <Paragraph data-size="sm" className="step-count">
                {w.stepOf.replace('{n}', String(last + 1)).replace('{m}', String(last + 1))}
              </Paragraph>
              <Heading level={2} data-size="sm" id="heading-finish" tabIndex={-1}>
                {w.finish}
              </Heading>
            </>
          )}
          <Textfield
            id={fieldIdOf(COMMENTS)}
            multiline
            rows={4}
            label={w.comments}
            description={w.commentsHelp}
            value={typeof answers[COMMENTS] === 'string' ? answers[COMMENTS] : ''}
            readOnly={readOnly}
            error={messages.get(COMMENTS)}
            onChange={(e) => answer(COMMENTS, e.target.value)}
          />
          <FormEnd
            t={t}
            language={language}
            version={() => version.current}
            readOnly={readOnly}
            again={view.last_submission !== null}
            onUploaded={() => void reload()}
            onSubmit={async (details) => {
              setSubmitTried(true);
              if (unreadable.length > 0) {
                summary.current?.focus();
                return;
              }
              if (state !== 'saved' && !(await save())) return;
              try {
                const result = await api.submit(details, language);
                setSubmitted({ version: result.version, at: result.submitted_at });
              } catch (e) {
                // Held back by what validation finds: the draft is saved, the summary above says what to fix.
                if (e instanceof ApiProblem && e.status === 422)
                  setHeldBackBy((e.body.errors ?? []) as WireFormFinding[]);
                else {
                  setRefusal(e instanceof Error ? e.message : String(e));
                  setState('refused');
                }
                summary.current?.focus();
              }
            }}
          />
          {stepped && (
            <div className="step-buttons">
              <Button variant="secondary" onClick={() => goTo(last - 1)}>
                {w.previous}
              </Button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
