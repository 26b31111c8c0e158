import { Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useState } from 'react';
import { osloDateTime } from '../../domain/oslo-time.ts';
import type { WireAuditEntry } from '../../wire/staff.ts';
import { ApiProblem, call } from '../api.ts';
import { DataTable, type Sorting } from './data-table.tsx';

/** The audit log for administrators: the latest entries, who did what to what, with the details. */
export function AuditPage() {
  const [entries, setEntries] = useState<WireAuditEntry[] | 'forbidden'>();
  const [q, setQ] = useState('');
  const [sorting, setSorting] = useState<Sorting>({ key: 'at', direction: 'desc' });
  useEffect(() => {
    void call<WireAuditEntry[]>('GET', '/api/staff/audit').then(setEntries, (e: unknown) =>
      setEntries(e instanceof ApiProblem && e.status === 403 ? 'forbidden' : []),
    );
  }, []);
  const shown = useMemo(() => {
    if (!Array.isArray(entries)) return [];
    const text = q.trim().toLocaleLowerCase('nb');
    return entries.filter(
      (e) => !text || `${e.actor} ${e.action} ${e.subject ?? ''}`.toLocaleLowerCase('nb').includes(text),
    );
  }, [entries, q]);
  if (entries === undefined) return <Spinner aria-label="Laster loggen" />;
  return (
    <>
      <Heading level={1} data-size="md">
        Revisjonslogg
      </Heading>
      {entries === 'forbidden' ? (
        <Paragraph>Bare administratorer kan se revisjonsloggen.</Paragraph>
      ) : (
        <>
          <Paragraph>
            De siste {entries.length} hendelsene: hvem gjorde hva, når, med gamle og nye verdier.
          </Paragraph>
          <Textfield
            label="Søk"
            description="Bruker, handling eller hva den gjaldt"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <DataTable
            label="Revisjonslogg"
            rows={shown}
            rowKey={(e) => `${e.at}|${e.actor}|${e.action}|${e.subject ?? ''}`}
            rowName={(e) => `${e.action} ${e.at}`}
            sorting={sorting}
            onSort={setSorting}
            columns={[
              {
                key: 'at',
                label: 'Tidspunkt',
                sortValue: (e) => e.at,
                render: (e) => osloDateTime(new Date(e.at)),
              },
              { key: 'actor', label: 'Bruker', sortValue: (e) => e.actor, render: (e) => e.actor },
              { key: 'action', label: 'Handling', sortValue: (e) => e.action, render: (e) => e.action },
              {
                key: 'subject',
                label: 'Gjelder',
                sortValue: (e) => e.subject,
                render: (e) => e.subject ?? '–',
              },
              {
                key: 'detail',
                label: 'Detaljer',
                render: (e) => <code className="audit-detail">{JSON.stringify(e.detail)}</code>,
              },
            ]}
          />
        </>
      )}
    </>
  );
}
