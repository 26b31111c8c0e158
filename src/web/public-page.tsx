import { Heading } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

/** The frame of a page anyone may open (published tables, the accounting-file check): brand and title. */
export function PublicPage({ title, children }: { title: string; children: ReactNode }) {
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
    </div>
  );
}
