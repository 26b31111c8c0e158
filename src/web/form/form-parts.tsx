import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import type { Language } from '../../domain/language.ts';
import { osloDateTimeIn } from '../../domain/oslo-time.ts';
import type { Texts } from '../texts.ts';
import { ExcelSection } from './excel-section.tsx';
import { SubmitSection } from './submit-section.tsx';

/*
 * What every form page shows alike, a survey's and a form of the forms engine's: where the draft stands, the
 * receipt after submission, and the Excel, print and submit sections at its end.
 */

/**
 * Where the draft stands. A failed save never discards what the user typed: 'offline' (no answer, 503,
 * 429) tries again by itself; 'conflict' (someone else saved) lets the user keep theirs or load the other;
 * 'refused' (another 4xx) says why.
 */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'offline' | 'refused';

type Status = 'not_started' | 'draft' | 'submitted';
interface Standing {
  readonly last_submission: { readonly version: number; readonly at: string } | null;
}

/** Where the form stands now, from the version saved last: it follows the saves, not the page's load. */
export const statusNow = (view: Standing, version: number): Status =>
  version === 0 ? 'not_started' : view.last_submission?.version === version ? 'submitted' : 'draft';

export function StatusTag({ t, status }: { t: Texts; status: Status }) {
  return <Tag data-color={status === 'submitted' ? 'success' : 'neutral'}>{t.status[status]}</Tag>;
}

/** A draft edited after a submission: the submitted version stands until the next, and the user is told. */
export function SubmittedEarlier(props: { t: Texts; language: Language; view: Standing; version: number }) {
  const submission = props.view.last_submission;
  if (!submission || statusNow(props.view, props.version) !== 'draft') return null;
  return (
    <Alert data-color="info" className="submitted-earlier">
      {props.t.submittedEarlier
        .replace('{version}', String(submission.version))
        .replace('{time}', osloDateTimeIn(new Date(submission.at), props.language))}
    </Alert>
  );
}

/** What a row's tick took away, with the way to put it back: in sight at the window's foot (styles.css). */
export function ClearedNotice(props: { t: Texts; message: string; onUndo: () => void }) {
  return (
    <p role="status" className="cleared">
      {props.message}{' '}
      <button type="button" className="ds-link" onClick={props.onUndo}>
        {props.t.undo}
      </button>
    </p>
  );
}

export function SaveStatus(props: {
  t: Texts;
  state: SaveState;
  version: number;
  refusal: string;
  readOnly: boolean;
  onReload: () => void;
  /** Keeping one's own after a conflict, where the page can (it saves over the other version). */
  onKeepMine?: () => void;
  /** The ids of fields holding text that is not a number: the rest is saved, those are said. */
  unreadable?: readonly string[];
}) {
  const { t, state } = props;
  const unreadable = props.unreadable ?? [];
  return (
    <>
      <p className="save-state" role="status" aria-live="polite">
        {state === 'saved' && props.version > 0
          ? `${t.saved} (v${props.version})`
          : state === 'saving'
            ? t.saving
            : state === 'dirty' || state === 'offline' || state === 'refused'
              ? t.notSaved
              : ''}
        {unreadable.length > 0 && (
          <>
            {' '}
            <a href={`#${unreadable[0]}`}>
              {t.unreadableNotSaved.replace('{count}', String(unreadable.length))}
            </a>
          </>
        )}
      </p>
      {state === 'offline' && <Alert data-color="warning">{t.offline}</Alert>}
      {state === 'refused' && (
        <Alert data-color="danger" role="alert">
          {t.refused.replace('{detail}', props.refusal)}
        </Alert>
      )}
      {props.readOnly && <Alert data-color="warning">{t.closed}</Alert>}
      {state === 'conflict' && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t.conflict}</Paragraph>
          <div className="button-row">
            {props.onKeepMine && <Button onClick={props.onKeepMine}>{t.keepMine}</Button>}
            <Button variant="secondary" onClick={props.onReload}>
              {t.discardMine}
            </Button>
          </div>
        </Alert>
      )}
    </>
  );
}

/** After submission: which version, when, the PDF receipt, and the way back to the form. */
export function Receipt(props: {
  t: Texts;
  language: Language;
  submitted: { version: number; at: string };
  onBack: () => void;
}) {
  const { t, language, submitted } = props;
  // The page changed under the button that was pressed: the keyboard and a screen reader start at its heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="receipt" aria-labelledby="receipt-heading">
      <Heading level={1} id="receipt-heading" data-size="md" ref={heading} tabIndex={-1}>
        {t.receiptTitle}
      </Heading>
      <Paragraph>
        {t.receiptText
          .replace('{version}', String(submitted.version))
          .replace('{time}', osloDateTimeIn(new Date(submitted.at), language))}
      </Paragraph>
      <p>
        <a className="ds-link" href={`/api/respondent/form/receipt.pdf?lang=${language}`}>
          {t.receiptPdf}
        </a>
      </p>
      <Button variant="secondary" onClick={props.onBack}>
        {t.backToForm}
      </Button>
    </section>
  );
}

/** The end of a form: Excel round-trip, print, and (while open) submission. */
export function FormEnd(props: {
  t: Texts;
  language: Language;
  version: () => number;
  readOnly: boolean;
  again: boolean;
  onUploaded: () => void;
  onSubmit: Parameters<typeof SubmitSection>[0]['onSubmit'];
}) {
  const { t } = props;
  return (
    <>
      <ExcelSection
        t={t}
        language={props.language}
        version={props.version}
        readOnly={props.readOnly}
        onUploaded={props.onUploaded}
      />
      <div className="actions">
        <Button variant="secondary" onClick={() => window.print()}>
          {t.print}
        </Button>
      </div>
      {!props.readOnly && <SubmitSection t={t} again={props.again} onSubmit={props.onSubmit} />}
    </>
  );
}
