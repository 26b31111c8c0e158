import { Button, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useState } from 'react';
import type { Language } from '../domain/language.ts';
import { ApiProblem, api } from './api.ts';
import type { WireFormRound } from '../wire/form-answers.ts';
import { EngineFormPage } from './engine/engine-form-page.tsx';
import { FormPage } from './form/form-page.tsx';
import type { FormView } from './form/model.ts';
import { chosenLanguage, LanguagePicker } from './language-picker.tsx';
import { SiteFooter } from './site-footer.tsx';
import { textsFor } from './texts.ts';

/** The respondent's app: sign in by the invitation's code, then the form. */
export function App() {
  const [chosen, setChosen] = useState<Language | undefined>(chosenLanguage);
  const [view, setView] = useState<FormView | WireFormRound | 'signed-out' | 'loading'>('loading');
  // The form opens in the unit's own written language (its språkvedtak) unless the user picked another.
  const language = chosen ?? (typeof view === 'object' ? view.written_language : 'nb');
  const [error, setError] = useState<string>();
  const t = textsFor(language);
  // A form opened from a responsible's list of units leads back to it.
  const fromList = sessionStorage.getItem('kostra-from-list') === '1';

  const load = useCallback(async () => {
    try {
      setView(await api.form());
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 401) setView('signed-out');
      else setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  // The page's title names the form and the unit, so a tab and a screen reader say which form this is.
  useEffect(() => {
    document.title =
      typeof view === 'object'
        ? 'kind' in view
          ? `${view.form.title[language]} – ${view.unit.code} ${view.unit.name} – KOSTRA`
          : `${view.survey.title[language]} – ${view.municipality.code} ${view.municipality.name} – KOSTRA`
        : `${t.signInTitle} – KOSTRA`;
  }, [view, language, t.signInTitle]);

  return (
    <div className="page">
      <header className="page-header">
        <span className="brand">KOSTRA</span>
        <LanguagePicker language={language} onChange={setChosen} label={t.language} />
        {fromList && <a href="/enheter">{t.backToList}</a>}
        {typeof view === 'object' && (
          <Button
            variant="tertiary"
            data-size="sm"
            onClick={() => void api.signOut().then(() => setView('signed-out'))}
          >
            {t.signOut}
          </Button>
        )}
      </header>
      <main id="main">
        {error && <Paragraph role="alert">{error}</Paragraph>}
        {view === 'loading' && <Spinner aria-label="…" />}
        {view === 'signed-out' && <SignIn language={language} onSignedIn={() => void load()} />}
        {typeof view === 'object' &&
          ('kind' in view ? (
            <EngineFormPage key={view.version} view={view} language={language} reload={load} />
          ) : (
            <FormPage key={view.version} view={view} language={language} reload={load} />
          ))}
      </main>
      <SiteFooter language={language} />
    </div>
  );
}

function SignIn({ language, onSignedIn }: { language: Language; onSignedIn: () => void }) {
  const t = textsFor(language);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string>();
  return (
    <form
      className="sign-in"
      onSubmit={(event) => {
        event.preventDefault();
        api.signIn(token.trim().replace(/^.*\/s\//, '')).then(onSignedIn, (e: unknown) => {
          setError(e instanceof Error ? e.message : String(e));
        });
      }}
    >
      <Heading level={1} data-size="md">
        {t.signInTitle}
      </Heading>
      <Paragraph>{t.signInHelp}</Paragraph>
      <Textfield label={t.token} value={token} onChange={(e) => setToken(e.target.value)} error={error} />
      <Button type="submit">{t.signIn}</Button>
    </form>
  );
}
