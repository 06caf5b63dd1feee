import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@lodestar/ui-shared/base.css';
import { SignInGate } from '@lodestar/ui-shared';
import { App } from './App';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SignInGate appName="Lodestar">
      <App />
    </SignInGate>
  </StrictMode>,
);
