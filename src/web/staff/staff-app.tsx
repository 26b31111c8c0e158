import { osloShortDate } from '../../domain/oslo-time.ts';
import { SimpleTable } from '../simple-table.tsx';
import { Button, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useState } from 'react';
import { ApiProblem } from '../api.ts';
import { MunicipalityPage } from './municipality-page.tsx';
import { SiteFooter } from '../site-footer.tsx';
import { NewRound } from './new-round.tsx';
import { CollectionPage, CollectionsPage, NewCollectionPage } from './collection-pages.tsx';
import { PublicationsPage } from './publications-page.tsx';
import { RegisterPage } from './register-page.tsx';
import { RoundPage } from './round-page.tsx';
import { ROUND_TASKS, type RoundTask } from './round-nav.tsx';
import { AuditPage } from './audit-page.tsx';
import { staffApi, type RoundRow } from './staff-api.ts';

/** The route inside /staff, from the hash: #/rounds/ID, #/rounds/ID/TASK or #/rounds/ID/m/CODE. */
function useRoute(): string[] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const update = () => setRoute(read());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

const STAFF_TITLES: Record<string, string> = {
  '': 'Undersøkelser',
  new: 'Ny undersøkelse',
  register: 'Enhetsregisteret',
  publications: 'Publisering',
  'collections-new': 'Ny innsamling',
  collections: 'Innsamlinger',
  audit: 'Revisjonslogg',
};

const asTask = (segment: string | undefined): RoundTask =>
  ROUND_TASKS.find(([t]) => t === segment)?.[0] ?? '';

/** The statisticians' pages (bokmål): rounds and response rates, the worklist, and each municipality's trail. */
export function StaffApp() {
  const [user, setUser] = useState<{ display_name: string } | null | 'loading'>('loading');
  const route = useRoute();
  const load = useCallback(() => {
    staffApi.me().then(setUser, () => setUser(null));
  }, []);
  useEffect(load, [load]);
  // A round's pages name themselves; the others by the part of /staff they are.
  useEffect(() => {
    if (route[0] === 'rounds' && route[1]) return;
    const part = STAFF_TITLES[route[0] ?? ''] ?? 'Undersøkelser';
    document.title = `${part} · KOSTRA statistiker`;
  }, [route]);
  return (
    <div className="page">
      <header className="page-header">
        <a className="brand" href="#/">
          KOSTRA · statistiker
        </a>
        {user && user !== 'loading' && (
          <Button
            variant="tertiary"
            data-size="sm"
            onClick={() => void staffApi.signOut().then(() => setUser(null))}
          >
            Logg ut {user.display_name}
          </Button>
        )}
      </header>
      <main id="main">
        {user === 'loading' && <Spinner aria-label="Laster" />}
        {user === null && <StaffSignIn onSignedIn={load} />}
        {user && user !== 'loading' && route[0] === 'new' ? (
          <NewRound />
        ) : user && user !== 'loading' && route[0] === 'register' ? (
          <RegisterPage />
        ) : user && user !== 'loading' && route[0] === 'publications' ? (
          <PublicationsPage />
        ) : user && user !== 'loading' && route[0] === 'collections-new' ? (
          <NewCollectionPage />
        ) : user && user !== 'loading' && route[0] === 'collections' && route[1] ? (
          <CollectionPage id={route[1]} />
        ) : user && user !== 'loading' && route[0] === 'collections' ? (
          <CollectionsPage />
        ) : user &&
          user !== 'loading' &&
          route[0] === 'rounds' &&
          route[1] &&
          route[2] === 'm' &&
          route[3] ? (
          <MunicipalityPage roundId={route[1]} municipality={route[3]} />
        ) : user && user !== 'loading' && route[0] === 'rounds' && route[1] ? (
          <RoundPage roundId={route[1]} task={asTask(route[2])} />
        ) : user && user !== 'loading' && route[0] === 'audit' ? (
          <AuditPage />
        ) : user && user !== 'loading' ? (
          <Rounds />
        ) : null}
      </main>
      <SiteFooter />
    </div>
  );
}

function StaffSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  return (
    <form
      className="sign-in"
      onSubmit={(event) => {
        event.preventDefault();
        staffApi.signIn(username, password).then(onSignedIn, (e: unknown) => {
          setError(e instanceof ApiProblem ? (e.body.title ?? e.message) : String(e));
        });
      }}
    >
      <Heading level={1} data-size="md">
        Logg inn som statistiker
      </Heading>
      <Textfield
        label="Brukernavn"
        autoComplete="username"
        value={username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <Textfield
        label="Passord"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={error}
      />
      <Button type="submit">Logg inn</Button>
    </form>
  );
}

const day = (iso: string) => osloShortDate(new Date(iso));

/** The deadline of a round, and the extended one for everybody if it has one. */
function deadlineText(r: RoundRow): string {
  if (!r.deadline) return 'Ingen';
  return r.extended_deadline
    ? `${day(r.deadline)}, utvidet til ${day(r.extended_deadline)}`
    : day(r.deadline);
}

function Rounds() {
  const [rounds, setRounds] = useState<RoundRow[]>();
  useEffect(() => {
    void staffApi.rounds().then(setRounds);
  }, []);
  if (!rounds) return <Spinner aria-label="Laster" />;
  return (
    <>
      <Heading level={1} data-size="md">
        Undersøkelser
      </Heading>
      <SimpleTable
        columns={[
          { label: 'Undersøkelse' },
          { label: 'Frist' },
          { label: 'Inviterte', numeric: true },
          { label: 'Svart', numeric: true },
          { label: 'Svarprosent', numeric: true },
        ]}
        rows={rounds.map((r) => ({
          key: r.id,
          cells: [
            <a href={`#/rounds/${r.id}`}>{r.id}</a>,
            deadlineText(r),
            r.invited,
            <span data-testid={`responded-${r.id}`}>{r.responded}</span>,
            r.invited === 0 ? '..' : `${Math.round((100 * r.responded) / r.invited)} %`,
          ],
        }))}
      />
      {rounds.length === 0 && <Paragraph>Ingen undersøkelser ennå.</Paragraph>}
      <p>
        <a href="#/new">Ny undersøkelse</a> · <a href="#/collections">Innsamlinger med flere skjemaer</a> ·{' '}
        <a href="#/register">Enhetsregisteret</a> · <a href="#/publications">Publisering</a> ·{' '}
        <a href="#/audit">Revisjonslogg (administratorer)</a>
      </p>
    </>
  );
}
