import { Button, Dialog, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { formatNorwegian } from '../../domain/number-format.ts';
import { osloShortDate } from '../../domain/oslo-time.ts';
import type { WirePublicationPreview } from '../../wire/staff.ts';
import { request } from '../api.ts';
import { sendTo } from './staff-api.ts';

export type Stage = 'preliminary' | 'final';
const STAGES: Record<Stage, string> = { preliminary: 'Foreløpige tall', final: 'Endelige tall' };

/** What of a period is published already, in words: «Endelige tall (revisjon 2), 15.06.2025 av kari». */
export function publishedText(published: WirePublicationPreview['tables'][number]['published']): string {
  return published.length === 0
    ? 'ikke publisert'
    : published
        .map(
          (p) => `${STAGES[p.stage]} (revisjon ${p.revision}), ${osloShortDate(new Date(p.at))} av ${p.by}`,
        )
        .join('; ');
}

/**
 * How a period is published: preliminary or final figures, and a note, which is required (and shown with the
 * figures) when the period is published at that stage already.
 */
export function StageAndNote(props: {
  name: string;
  stage: Stage;
  onStage: (stage: Stage) => void;
  note: string;
  onNote: (note: string) => void;
  republishing: boolean;
  /** What is published again: «perioden», «året». */
  what: string;
}) {
  return (
    <>
      <Fieldset data-size="sm">
        <Fieldset.Legend>Publiseres som</Fieldset.Legend>
        {(Object.keys(STAGES) as Stage[]).map((s) => (
          <Radio
            key={s}
            label={STAGES[s]}
            name={props.name}
            value={s}
            checked={props.stage === s}
            onChange={() => props.onStage(s)}
          />
        ))}
      </Fieldset>
      <Textfield
        label={
          props.republishing
            ? `Hvorfor publiseres ${props.what} på nytt? (vises med tallene)`
            : 'Merknad til loggen (valgfri)'
        }
        value={props.note}
        onChange={(e) => props.onNote(e.target.value)}
        required={props.republishing}
      />
    </>
  );
}

/**
 * Publishing with a look first: the button fetches what would be published (the response rate, control
 * flags still pending, what suppression withholds, what of the period is published already) and shows
 * it in a dialog, where the statistician chooses preliminary or final, says why when the period is
 * published already, and confirms, or cancels.
 */
export function PublishWithPreview({
  roundId,
  label,
  onPublished,
}: {
  roundId: string;
  label: string;
  onPublished: (answer: never) => string;
}) {
  const [preview, setPreview] = useState<WirePublicationPreview>();
  const [stage, setStage] = useState<Stage>('final');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const republishing = preview?.tables.some((t) => t.published.some((p) => p.stage === stage)) ?? false;
  const close = () => setPreview(undefined);
  const open = () => {
    setBusy(true);
    setMessage(undefined);
    request<WirePublicationPreview>('GET', `/api/staff/rounds/${roundId}/publication-preview`).then(
      (p) => {
        setPreview(p);
        setBusy(false);
      },
      (e: unknown) => {
        setMessage(e instanceof Error ? e.message : String(e));
        setBusy(false);
      },
    );
  };
  const publish = () => {
    setBusy(true);
    sendTo<never>(
      'POST',
      `/api/staff/rounds/${roundId}/publish`,
      JSON.stringify({ stage, ...(note.trim() ? { note: note.trim() } : {}) }),
      'application/json',
    ).then(
      (answer) => {
        setMessage(onPublished(answer));
        setBusy(false);
        close();
      },
      (e: unknown) => {
        setMessage(e instanceof Error ? e.message : String(e));
        setBusy(false);
      },
    );
  };
  return (
    <>
      <Button variant="secondary" onClick={open} disabled={busy}>
        {label}
      </Button>
      {message && <Paragraph role="status">{message}</Paragraph>}
      <Dialog
        open={preview !== undefined}
        onClose={close}
        closeButton="Avbryt"
        aria-labelledby="publish-dialog-heading"
      >
        {preview && (
          <Dialog.Block>
            <Heading level={2} id="publish-dialog-heading" data-size="sm">
              Publisere {preview.period}?
            </Heading>
            <Paragraph>
              Svar fra {preview.responded} av {preview.expected} (
              {preview.response_rate === null ? '–' : `${formatNorwegian(preview.response_rate, 1)} %`}).{' '}
              {preview.pending_flags === 0
                ? 'Ingen kontrollflagg venter.'
                : `${preview.pending_flags} kontrollflagg er ikke fulgt opp.`}
            </Paragraph>
            {preview.tables.map((t) => (
              <section key={t.id} aria-label={t.id}>
                <Heading level={3} data-size="xs">
                  {t.id}: {t.label}
                </Heading>
                <Paragraph data-size="sm">
                  Publisert for {t.period}: {publishedText(t.published)}. Skjules: {t.withheld_count} beløp (
                  {t.primary} primær-, {t.secondary} sekundærprikket); revisjonen sjekker{' '}
                  {t.checked.join(', ')}.
                </Paragraph>
                {t.withheld.length > 0 && (
                  <details>
                    <summary>Hva som skjules</summary>
                    <ul>
                      {t.withheld.map((w) => (
                        <li key={w}>{w}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </section>
            ))}
            <StageAndNote
              name="stage"
              stage={stage}
              onStage={setStage}
              note={note}
              onNote={setNote}
              republishing={republishing}
              what="perioden"
            />
            <div className="button-row">
              <Button onClick={publish} disabled={busy || (republishing && note.trim() === '')}>
                Publiser {STAGES[stage].toLowerCase()} for {preview.period}
              </Button>
              <Button variant="tertiary" onClick={close}>
                Avbryt
              </Button>
            </div>
          </Dialog.Block>
        )}
      </Dialog>
    </>
  );
}
