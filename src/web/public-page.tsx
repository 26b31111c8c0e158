import { Heading } from '@digdir/designsystemet-react';
import { useEffect, type ReactNode } from 'react';
import type { Language } from '../domain/language.ts';
import { SiteFooter } from './site-footer.tsx';

/** The frame of a page anyone may open (published tables, the accounting-file check): brand, title, footer. */
export function PublicPage({
  title,
  children,
  language = 'nb',
}: {
  title: string;
  children: ReactNode;
  language?: Language;
}) {
  useEffect(() => {
    document.title = `${title} – KOSTRA`;
  }, [title]);
  return (
    <div className="page">
      <header className="page-header">
        <span className="brand">KOSTRA</span>
      </header>
      <main id="main">
        <Heading level={1} data-size="md">
          {title}
        </Heading>
        {children}
      </main>
      <SiteFooter language={language} />
    </div>
  );
}
