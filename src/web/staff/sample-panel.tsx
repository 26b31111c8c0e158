import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { sendTo } from './staff-api.ts';

/** The sample by hand: add or remove one municipality, always with a reason. */
export function SamplePanel({ roundId }: { roundId: string }) {
  const [municipality, setMunicipality] = useState('');
  const [sizeGroup, setSizeGroup] = useState('<5000');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string>();
  const act = async (method: 'POST' | 'DELETE') => {
    const url =
      method === 'POST'
        ? `/api/staff/rounds/${roundId}/sample`
        : `/api/staff/rounds/${roundId}/sample/${municipality}`;
    const body = method === 'POST' ? { municipality, size_group: sizeGroup, reason } : { reason };
    try {
      await sendTo(method, url, JSON.stringify(body), 'application/json');
      setMessage(
        method === 'POST'
          ? `${municipality} er lagt til i utvalget.`
          : `${municipality} er tatt ut av utvalget.`,
      );
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section className="submit-section" aria-labelledby="sample-heading">
      <Heading level={2} id="sample-heading" data-size="sm">
        Utvalget for hånd
      </Heading>
      <Textfield
        label="Kommunenummer"
        value={municipality}
        onChange={(e) => setMunicipality(e.target.value)}
      />
      <Textfield label="Kommunestørrelse" value={sizeGroup} onChange={(e) => setSizeGroup(e.target.value)} />
      <Textfield
        label="Begrunnelse for endringen"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <Button variant="secondary" onClick={() => void act('POST')}>
        Legg til
      </Button>
      <Button variant="secondary" onClick={() => void act('DELETE')}>
        Ta ut
      </Button>
      {message && <Paragraph role="status">{message}</Paragraph>}
    </section>
  );
}
