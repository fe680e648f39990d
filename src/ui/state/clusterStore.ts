// The UI's zustand store: a read-only mirror of the cluster (fed by the bridge), terminal history and view state.
import { create } from 'zustand';
import type { CommandResult } from '../../engine/index';
import type { SnapshotMessage } from '../bridge/protocol';
import { applySnapshot, type ObjectsByKind } from './applySnapshot';

export interface TerminalEntry {
  id: number;
  line: string;
  stdout: string;
  stderr: string;
  /** exit code; null while the command runs */
  code: number | null;
}

export interface Selection {
  kind: string;
  key: string;
}

export type ConnectionStatus = 'connecting' | 'ready' | 'error';

export interface ClusterState {
  status: ConnectionStatus;
  error: string | null;
  revision: number;
  nowMs: number;
  objects: ObjectsByKind;
  history: TerminalEntry[];
  selected: Selection | null;
  /** the stdin editor's text, passed to commands that read `-f -` */
  stdin: string;
  applySnapshot(msg: SnapshotMessage): void;
  setError(message: string): void;
  commandStarted(id: number, line: string): void;
  commandFinished(id: number, result: CommandResult): void;
  clearHistory(): void;
  select(selection: Selection | null): void;
  setStdin(text: string): void;
}

/** what the stdin editor starts with: a Pod to `kubectl apply -f -` */
export const EXAMPLE_MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: nginx
      image: nginx:1.27
`;

/** terminal entries kept; older ones scroll away */
export const HISTORY_LIMIT = 300;

export function createClusterStore() {
  return create<ClusterState>()((set) => ({
    status: 'connecting',
    error: null,
    revision: 0,
    nowMs: 0,
    objects: {},
    history: [],
    selected: null,
    stdin: EXAMPLE_MANIFEST,
    applySnapshot: (msg) =>
      set((s) => ({
        status: 'ready',
        error: null,
        revision: msg.revision,
        nowMs: msg.nowMs,
        objects: applySnapshot(s.objects, msg),
      })),
    setError: (message) => set({ status: 'error', error: message }),
    commandStarted: (id, line) =>
      set((s) => ({
        history: [...s.history, { id, line, stdout: '', stderr: '', code: null }].slice(-HISTORY_LIMIT),
      })),
    commandFinished: (id, result) =>
      set((s) => ({
        history: s.history.map((e) =>
          e.id === id ? { ...e, stdout: result.stdout, stderr: result.stderr, code: result.code } : e,
        ),
      })),
    clearHistory: () => set({ history: [] }),
    select: (selection) => set({ selected: selection }),
    setStdin: (text) => set({ stdin: text }),
  }));
}

export type ClusterStore = ReturnType<typeof createClusterStore>;

/** the app's one store */
export const useClusterStore = createClusterStore();
