import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/api-client';
import { ApiContext } from './api/api-context';
import { App } from './app/App';
import './styles/app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiContext.Provider value={createApiClient()}>
      <App />
    </ApiContext.Provider>
  </StrictMode>,
);
