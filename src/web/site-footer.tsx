import type { Language } from '../domain/language.ts';
import { CONTACT_URL, FOOTER } from './statements/texts.ts';

/** The end of every page: who runs the service, contact, privacy and the accessibility statement. */
export function SiteFooter({ language = 'nb' }: { language?: Language }) {
  const t = FOOTER[language];
  const suffix = language === 'nb' ? '' : `?lang=${language}`;
  return (
    <footer className="site-footer" aria-label={t.label}>
      <p>{t.owner}</p>
      <ul>
        <li>
          <a href={CONTACT_URL}>{t.contact}</a>
        </li>
        <li>
          <a href={`/personvern${suffix}`}>{t.privacy}</a>
        </li>
        <li>
          <a href={`/tilgjengelighet${suffix}`}>{t.accessibility}</a>
        </li>
      </ul>
    </footer>
  );
}
