import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@lodestar/ui-shared/base.css';
import { App } from './App';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
