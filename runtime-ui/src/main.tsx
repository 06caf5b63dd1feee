import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import '@lodestar/ui-shared/base.css';
import { acceptPreview, SignInGate } from '@lodestar/ui-shared';
import { App } from './app/App';
import './styles.css';

// "View as": a tab opened by the studio with ?preview= shows the draft as a role or user (ui-shared preview.ts).
acceptPreview();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SignInGate appName="Lodestar">
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </SignInGate>
  </StrictMode>,
);
