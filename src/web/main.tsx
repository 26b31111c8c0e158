import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme/digdir.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { StaffApp } from './staff/staff-app.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>{window.location.pathname.startsWith('/staff') ? <StaffApp /> : <App />}</StrictMode>,
);
