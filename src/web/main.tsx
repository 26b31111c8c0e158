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
    ) : (
      <App />
    )}
  </StrictMode>,
);
