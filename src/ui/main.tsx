// Browser entry: starts the engine worker, connects it to the store, renders the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App';
import { createEngineClient, startEngineWorker } from './bridge/client';
import { EngineContext } from './bridge/engineContext';
import { useClusterStore } from './state/clusterStore';

const seedParam = Number(new URLSearchParams(location.search).get('seed'));
const seed = Number.isInteger(seedParam) && seedParam > 0 ? seedParam : 1;
const client = createEngineClient(startEngineWorker(), useClusterStore, seed);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EngineContext.Provider value={client}>
      <App />
    </EngineContext.Provider>
  </StrictMode>,
);
