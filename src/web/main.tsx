// Inter, the theme's typeface, bundled (latin covers æ, ø and å): no font is fetched from elsewhere.
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-700.css';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme/digdir.css';
import './styles.css';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * The page for a path, each loaded as its own chunk: a finance officer's browser loads the form, not the
 * statisticians' pages or the public tables.
 */
const PAGES: readonly (readonly [prefix: string, load: () => Promise<ReactNode>])[] = [
  ['/staff', () => import('./staff/staff-app.tsx').then(({ StaffApp }) => <StaffApp />)],
  [
    '/tabeller',
    () => import('./tables/published-tables.tsx').then(({ PublishedTables }) => <PublishedTables />),
  ],
  [
    '/regnskap',
    () => import('./accounts/check-file.tsx').then(({ CheckAccountsFile }) => <CheckAccountsFile />),
  ],
  ['/sammenlign', () => import('./compare/compare-page.tsx').then(({ ComparePage }) => <ComparePage />)],
  ['/enheter', () => import('./units/unit-list-page.tsx').then(({ UnitListPage }) => <UnitListPage />)],
  [
    '/tilgjengelighet',
    () =>
      import('./statements/statement-page.tsx').then(({ StatementPage }) => (
        <StatementPage statement="accessibility" />
      )),
  ],
  [
    '/personvern',
    () =>
      import('./statements/statement-page.tsx').then(({ StatementPage }) => (
        <StatementPage statement="privacy" />
      )),
  ],
];
const theForm = () => import('./app.tsx').then(({ App }) => <App />);

const load = PAGES.find(([prefix]) => window.location.pathname.startsWith(prefix))?.[1] ?? theForm;
void load().then((page) =>
  createRoot(document.getElementById('root')!).render(<StrictMode>{page}</StrictMode>),
);
