// Inter, the theme's typeface, bundled (latin covers æ, ø and å): no font is fetched from elsewhere.
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-700.css';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme/digdir.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { StaffApp } from './staff/staff-app.tsx';
import { PublishedTables } from './tables/published-tables.tsx';
import { CheckAccountsFile } from './accounts/check-file.tsx';
import { UnitListPage } from './units/unit-list-page.tsx';
import { ComparePage } from './compare/compare-page.tsx';
import { StatementPage } from './statements/statement-page.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {window.location.pathname.startsWith('/staff') ? (
      <StaffApp />
    ) : window.location.pathname.startsWith('/tabeller') ? (
      <PublishedTables />
    ) : window.location.pathname.startsWith('/regnskap') ? (
      <CheckAccountsFile />
    ) : window.location.pathname.startsWith('/sammenlign') ? (
      <ComparePage />
    ) : window.location.pathname.startsWith('/enheter') ? (
      <UnitListPage />
    ) : window.location.pathname.startsWith('/tilgjengelighet') ? (
      <StatementPage statement="accessibility" />
    ) : window.location.pathname.startsWith('/personvern') ? (
      <StatementPage statement="privacy" />
    ) : (
      <App />
    )}
  </StrictMode>,
);
