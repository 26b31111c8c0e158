import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { call } from '../api.ts';

/** Parses `<5000=3; 5000-9999=2` into draws per size group. */
function parseDraws(text: string): Record<string, number> {
  return Object.fromEntries(
    text
      .split(';')
      .map((part) => part.split('=').map((s) => s.trim()))
      .filter(([group, n]) => group && n)
      .map(([group, n]) => [group!, Number(n)]),
  );
}

/** Candidates as CSV: `municipality,size_group,criteria (;-separated),population`. */
function parseCandidates(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => line.split(',').map((f) => f.trim()))
    .filter((f) => /^\d{4}$/.test(f[0] ?? ''))
    .map(([municipality, size_group = '', criteria = '', population = '']) => ({
      municipality: municipality!,
      size_group,
      criteria: criteria ? criteria.split(';').map((c) => c.trim()) : [],
      ...(/^\d+$/.test(population) ? { population: Number(population) } : {}),
    }));
}

/** A new round: the sample by criteria and a seeded draw, the deadline. */
export function NewRound() {
  const [id, setId] = useState('');
  const [year, setYear] = useState('2023');
  const [deadline, setDeadline] = useState('');
  const [candidates, setCandidates] = useState('');
  const [takeAll, setTakeAll] = useState('ASSS; SIO; KOSTRA_AG; OSLO_ECONOMICS');
  const [draws, setDraws] = useState('');
  const [seed, setSeed] = useState('');
  const [result, setResult] = useState<{ municipality: string; reasons: string[] }[]>();
  const [error, setError] = useState<string>();
  return (
    <form
      className="submit-section"
      onSubmit={(event) => {
        event.preventDefault();
        void call<{ selected: typeof result }>('POST', '/api/staff/rounds', {
          id,
          reference_year: Number(year),
          timeline: deadline ? { deadline } : {},
          candidates: parseCandidates(candidates),
          sample: {
            take_all_with: takeAll
              .split(';')
              .map((s) => s.trim())
              .filter(Boolean),
            draw_per_size_group: parseDraws(draws),
            seed: Number(seed),
          },
        }).then(
          (answer) => {
            setError(undefined);
            setResult(answer.selected);
          },
          (e: unknown) => {
            setError(e instanceof Error ? e.message : String(e));
            setResult(undefined);
          },
        );
      }}
    >
      <Heading level={1} data-size="md">
        Ny undersøkelse
      </Heading>
      <Textfield label="Id (for eksempel f254-2023)" value={id} onChange={(e) => setId(e.target.value)} />
      <Textfield
        label="Referanseår"
        inputMode="numeric"
        value={year}
        onChange={(e) => setYear(e.target.value)}
      />
      <Textfield label="Frist (ÅÅÅÅ-MM-DD)" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      <Textfield
        label="Kandidater"
        description="Én kommune per linje: kommunenummer, kommunestørrelse, kriterier (skilt med ;), innbyggertall"
        multiline
        rows={6}
        value={candidates}
        onChange={(e) => setCandidates(e.target.value)}
      />
      <Textfield
        label="Ta med alle med kriteriene"
        value={takeAll}
        onChange={(e) => setTakeAll(e.target.value)}
      />
      <Textfield
        label="Trekk per kommunestørrelse"
        description="For eksempel <5000=3; 5000-9999=2"
        value={draws}
        onChange={(e) => setDraws(e.target.value)}
      />
      <Textfield
        label="Frø (seed) for trekningen"
        inputMode="numeric"
        value={seed}
        onChange={(e) => setSeed(e.target.value)}
        error={error}
      />
      <Button type="submit">Trekk utvalg og opprett</Button>
      {result && (
        <div role="status">
          <Paragraph>
            {result.length} kommuner i utvalget:{' '}
            <span data-testid="sample">
              {result.map((r) => `${r.municipality} (${r.reasons.join(', ')})`).join('; ')}
            </span>
          </Paragraph>
          <a href={`#/rounds/${id}`}>Gå til {id}</a>
        </div>
      )}
    </form>
  );
}
