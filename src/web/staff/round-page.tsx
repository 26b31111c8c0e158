import { Heading, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import type { WireRoundRow } from '../../wire/staff.ts';
import { AccountsPublishPanel } from './accounts-publish-panel.tsx';
import { ControlsPage } from './controls-page.tsx';
import { FormRoundPage } from './form-round-page.tsx';
import { MailPanel } from './mail-panel.tsx';
import { OutboxPage } from './outbox-page.tsx';
import { ReportPage } from './report-page.tsx';
import { ResponsesPage } from './responses-page.tsx';
import { RoundNav, ROUND_TASKS, type RoundTask } from './round-nav.tsx';
import { RoundOverview } from './round-overview.tsx';
import { SamplePanel } from './sample-panel.tsx';
import { SetupPanel } from './setup-panel.tsx';
import { staffApi } from './staff-api.ts';
import { ThresholdsPanel } from './thresholds-panel.tsx';
import { TimelinePanel } from './timeline-panel.tsx';

/** A round's page: a form round's, or a survey round's with its setup and the split's worklist. */
export function RoundPage({ roundId, task }: { roundId: string; task: RoundTask }) {
  const [round, setRound] = useState<WireRoundRow | null>();
  useEffect(() => {
    void staffApi.rounds().then((rows) => setRound(rows.find((r) => r.id === roundId) ?? null));
  }, [roundId]);
  if (round === undefined) return <Spinner aria-label="Laster" />;
  if (round === null)
    return (
      <Heading level={1} data-size="md">
        Ingen undersøkelse {roundId}
      </Heading>
    );
  return round.kind === 'form' ? (
    <FormRoundPage round={round} />
  ) : (
    <SurveyRoundPage roundId={roundId} task={task} />
  );
}

/** A survey round: the overview first, then one page per task, the round's navigation above each. */
function SurveyRoundPage({ roundId, task }: { roundId: string; task: RoundTask }) {
  const [days, setDays] = useState<Awaited<ReturnType<typeof staffApi.tracking>>>();
  useEffect(() => {
    if (task === '') void staffApi.tracking(roundId).then(setDays);
  }, [roundId, task]);
  const label = ROUND_TASKS.find(([t]) => t === task)?.[1] ?? '';
  useEffect(() => {
    document.title = `${label} · ${roundId} · KOSTRA statistiker`;
  }, [label, roundId]);
  return (
    <>
      <p className="breadcrumbs">
        <a href="#/">Undersøkelser</a> › {roundId}
      </p>
      <Heading level={1} data-size="md">
        {roundId}: {label.toLowerCase()}
      </Heading>
      <RoundNav roundId={roundId} current={task} />
      {task === '' &&
        (days ? <RoundOverview roundId={roundId} days={days} /> : <Spinner aria-label="Laster" />)}
      {task === 'svar' && <ResponsesPage roundId={roundId} />}
      {task === 'kontroll' && <ControlsPage roundId={roundId} />}
      {task === 'utsending' && (
        <>
          <MailPanel roundId={roundId} />
          <OutboxPage roundId={roundId} />
        </>
      )}
      {task === 'utvalg' && <SamplePanel roundId={roundId} />}
      {task === 'publisering' && <AccountsPublishPanel roundId={roundId} />}
      {task === 'innstillinger' && (
        <>
          <TimelinePanel roundId={roundId} />
          <ThresholdsPanel roundId={roundId} />
          <SetupPanel roundId={roundId} />
        </>
      )}
      {task === 'rapport' && <ReportPage roundId={roundId} />}
    </>
  );
}
