import { Alert, Button, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { norwegianDay } from '../../domain/oslo-time.ts';
import type { WireRegisterExtract } from '../../wire/staff.ts';
import { SimpleTable } from '../simple-table.tsx';
import { staffApi } from './staff-api.ts';

/** The register of units: the extracts stored by the day they describe, and a new one imported. */
export function RegisterPage() {
  const [extracts, setExtracts] = useState<WireRegisterExtract[]>();
  const [validOn, setValidOn] = useState('');
  const [file, setFile] = useState<File>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const load = () => void staffApi.extracts().then(setExtracts);
  useEffect(load, []);
  if (!extracts) return <Spinner aria-label="Laster" />;
  return (
    <>
      <Heading level={1} data-size="md">
        Enhetsregisteret: uttrekk
      </Heading>
      <Paragraph>
        Institusjoner (skjema 5) og hjemmetjenestevirksomheter (skjema 6) trekkes fra et uttrekk av
        Enhetsregisteret, lagret for dagen det beskriver. Filen har kolonnene fra Enhetsregisterets nedlasting
        av underenheter; organisasjonsnumrene kontrolleres (modulus 11), og en fil med feil lagres ikke.
      </Paragraph>
      <SimpleTable
        caption="Lagrede uttrekk"
        columns={[
          { label: 'Uttrekk' },
          { label: 'Gjelder' },
          { label: 'Fil' },
          { label: 'Enheter', numeric: true },
          { label: 'Data' },
        ]}
        rows={extracts.map((e) => ({
          key: String(e.id),
          cells: [
            String(e.id),
            norwegianDay(e.valid_on),
            e.file_name,
            e.units,
            e.synthetic ? 'Syntetiske' : 'Fra registeret',
          ],
        }))}
      />
      {extracts.length === 0 && <Paragraph>Ingen uttrekk ennå.</Paragraph>}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (!file) return;
          void file
            .text()
            .then((text) => staffApi.importRegister(validOn, file.name, text))
            .then(
              (stored) => {
                setMessage({
                  ok: true,
                  text: `Uttrekk ${stored.id} av ${norwegianDay(stored.valid_on)}: ${stored.units} enheter.`,
                });
                load();
              },
              (error: unknown) =>
                setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) }),
            );
        }}
      >
        <Heading level={2} data-size="sm">
          Importer et uttrekk
        </Heading>
        <Textfield
          label="Gjelder dagen (åååå-mm-dd)"
          value={validOn}
          onChange={(e) => setValidOn(e.target.value)}
        />
        <Textfield
          label="Fil (CSV)"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => setFile(e.target.files?.[0])}
        />
        <Button type="submit" disabled={!file || !/^\d{4}-\d{2}-\d{2}$/.test(validOn)}>
          Importer
        </Button>
        {message && (
          <Alert data-color={message.ok ? 'success' : 'danger'} role={message.ok ? 'status' : 'alert'}>
            <pre className="wrap">{message.text}</pre>
          </Alert>
        )}
      </form>
    </>
  );
}
