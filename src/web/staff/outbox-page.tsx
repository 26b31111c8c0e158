import { Button, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { MAIL_LABEL } from '../../domain/collection/status-list.ts';
import { osloDateTime } from '../../domain/oslo-time.ts';
import type { WireOutboxEntry } from '../../wire/staff.ts';
import { call } from '../api.ts';
import { SelectField } from '../select-field.tsx';
import { DataTable, type Sorting } from './data-table.tsx';
import { useMailing } from './mail-confirm.tsx';

const KIND_TEXT: Record<string, string> = { invitation: 'Invitasjon', reminder: 'Påminnelse' };
const ALL = '';

/**
 * What went out of a round by e-mail: every message with its state (sent, failed, bounced) and the error;
 * searched and filtered; a failed or bounced one sent again to that municipality after a confirmation.
 */
export function OutboxPage({ roundId }: { roundId: string }) {
  const [entries, setEntries] = useState<WireOutboxEntry[]>();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState(ALL);
  const [sorting, setSorting] = useState<Sorting>({ key: 'at', direction: 'desc' });
  const [marking, setMarking] = useState<WireOutboxEntry>();
  const [reason, setReason] = useState('');
  const load = useCallback(() => {
    void call<WireOutboxEntry[]>('GET', `/api/staff/rounds/${roundId}/outbox`).then(setEntries);
  }, [roundId]);
  useEffect(load, [load]);
  const { ask, confirmation, message, setMessage, failed } = useMailing(roundId, load);
  const shown = useMemo(() => {
    const text = q.trim().toLocaleLowerCase('nb');
    return (entries ?? []).filter(
      (e) =>
        (!status || e.status === status) &&
        (!text || `${e.municipality} ${e.to} ${e.subject}`.toLocaleLowerCase('nb').includes(text)),
    );
  }, [entries, q, status]);
  if (!entries) return <Spinner aria-label="Laster utsendte e-poster" />;
  const again = (e: WireOutboxEntry) =>
    ask({
      kind: e.kind === 'reminder' ? 'reminder' : 'invitation',
      again: true,
      municipalities: [e.municipality],
    });
  return (
    <section aria-labelledby="outbox-heading">
      <Heading level={2} id="outbox-heading" data-size="sm">
        Utsendt e-post
      </Heading>
      <div className="filters" role="search" aria-label="Filtrer e-postene">
        <Textfield
          label="Søk"
          description="Kommune, adresse eller emne"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          label="Tilstand"
          value={status}
          onChange={setStatus}
          options={[
            [ALL, 'Alle'],
            ['sent', MAIL_LABEL.sent],
            ['failed', MAIL_LABEL.failed],
            ['bounced', MAIL_LABEL.bounced],
          ]}
        />
      </div>
      <Paragraph role="status">
        Viser {shown.length} av {entries.length} e-poster.
      </Paragraph>
      {confirmation()}
      {marking && (
        <form
          className="submit-section"
          aria-label="Merk som avvist"
          onSubmit={(event) => {
            event.preventDefault();
            void call('POST', '/api/staff/outbox/bounces', { message_id: marking.message_id, reason }).then(
              () => {
                setMessage(`E-posten til ${marking.municipality} er merket som avvist.`);
                setMarking(undefined);
                setReason('');
                load();
              },
              failed,
            );
          }}
        >
          <Paragraph>
            E-posten til {marking.to} ({osloDateTime(new Date(marking.at))}) kom i retur: merk den som avvist,
            så vises den i oversikten og kan sendes igjen.
          </Paragraph>
          <Textfield
            label="Feilmeldingen fra e-posttjeneren"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="button-row">
            <Button type="submit">Merk som avvist</Button>
            <Button variant="tertiary" type="button" onClick={() => setMarking(undefined)}>
              Avbryt
            </Button>
          </div>
        </form>
      )}
      {message && <Paragraph role="status">{message}</Paragraph>}
      <DataTable
        label="E-postene"
        rows={shown}
        rowKey={(e) => `${e.municipality}|${e.at}|${e.to}`}
        rowName={(e) => `${e.municipality} ${e.at}`}
        sorting={sorting}
        onSort={setSorting}
        columns={[
          {
            key: 'municipality',
            label: 'Kommune',
            sortValue: (e) => e.municipality,
            render: (e) => <a href={`#/rounds/${roundId}/m/${e.municipality}`}>{e.municipality}</a>,
          },
          {
            key: 'at',
            label: 'Tidspunkt',
            sortValue: (e) => e.at,
            render: (e) => osloDateTime(new Date(e.at)),
          },
          {
            key: 'kind',
            label: 'Type',
            sortValue: (e) => e.kind,
            render: (e) => KIND_TEXT[e.kind] ?? e.kind,
          },
          { key: 'to', label: 'Til', sortValue: (e) => e.to, render: (e) => e.to },
          { key: 'subject', label: 'Emne', render: (e) => e.subject },
          {
            key: 'status',
            label: 'Tilstand',
            sortValue: (e) => e.status,
            render: (e) =>
              `${e.status in MAIL_LABEL ? MAIL_LABEL[e.status as keyof typeof MAIL_LABEL] : e.status}${e.error ? ` (${e.error})` : ''}`,
          },
          { key: 'by', label: 'Sendt av', sortValue: (e) => e.by, render: (e) => e.by },
          {
            key: 'again',
            label: 'Handling',
            render: (e) =>
              e.status === 'sent' ? (
                e.message_id ? (
                  <button type="button" className="ds-link" onClick={() => setMarking(e)}>
                    Merk som avvist
                  </button>
                ) : (
                  ''
                )
              ) : (
                <button type="button" className="ds-link" onClick={() => again(e)}>
                  Send igjen til {e.municipality}
                </button>
              ),
          },
        ]}
      />
    </section>
  );
}
