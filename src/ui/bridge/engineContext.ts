// React access to the engine client (the one way components change the cluster: run a command line).
import { createContext, useContext } from 'react';
import type { EngineClient } from './client';

export const EngineContext = createContext<EngineClient | null>(null);

export function useEngine(): EngineClient {
  const client = useContext(EngineContext);
  if (!client) throw new Error('useEngine outside <EngineContext.Provider>');
  return client;
}
