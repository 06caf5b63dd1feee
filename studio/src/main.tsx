import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import '@lodestar/ui-shared/base.css';
import { SignInGate } from '@lodestar/ui-shared';
import { App } from './app/App';
import { LangProvider } from './app/lang';
import './app/app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SignInGate appName="Lodestar Studio">
      <LangProvider>
        <BrowserRouter basename="/studio">
          <App />
        </BrowserRouter>
      </LangProvider>
    </SignInGate>
  </StrictMode>,
);
