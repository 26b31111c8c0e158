import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { isLanguage, type Language } from '../../domain/language.ts';
import { SiteFooter } from '../site-footer.tsx';
import { ACCESSIBILITY, PRIVACY, UUSTATUS_URL } from './texts.ts';

const languageOf = (): Language => {
  const asked = new URLSearchParams(window.location.search).get('lang') ?? 'nb';
  return isLanguage(asked) ? asked : 'nb';
};

/** The accessibility statement or the privacy notice, in the language the link asked for (`?lang=nn`). */
export function StatementPage({ statement }: { statement: 'accessibility' | 'privacy' }) {
  const language = languageOf();
  const text = (statement === 'accessibility' ? ACCESSIBILITY : PRIVACY)[language];
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${text.title} – KOSTRA`;
  }, [language, text.title]);
  return (
    <div className="page">
      <header className="page-header">
        <a className="brand" href="/">
          KOSTRA
        </a>
      </header>
      <main id="main">
        <Heading level={1} data-size="md">
          {text.title}
        </Heading>
        {text.sections.map((s, i) => (
          <section key={s.heading} aria-labelledby={`statement-${i}`}>
            <Heading level={2} data-size="sm" id={`statement-${i}`}>
              {s.heading}
            </Heading>
            {s.paragraphs.map((p) => (
              <Paragraph key={p}>{p}</Paragraph>
            ))}
          </section>
        ))}
        {statement === 'accessibility' && (
          <Paragraph>
            <a href={UUSTATUS_URL}>uustatus.no</a>
          </Paragraph>
        )}
      </main>
      <SiteFooter language={language} />
    </div>
  );
}
