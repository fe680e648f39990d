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

/** a `kubectl edit` whose file is open in the stdin editor (kubesim's stand-in for $EDITOR) */
export interface EditSession {
  /** the command line; run again with the editor's text as stdin, it saves */
  line: string;
  /** the file as the command opened (or reopened) it: saving it unchanged cancels the edit */
  opened: string;
}

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
  /** the edit open in the stdin editor, if any */
  editing: EditSession | null;
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
    editing: null,
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
      set((s) => {
        const entry = s.history.find((e) => e.id === id);
        // `kubectl edit` opened its file: it goes into the stdin editor instead of the scrollback
        const opened = result.editor !== undefined && entry !== undefined;
        const history = s.history.map((e) =>
          e.id === id
            ? { ...e, stdout: opened ? '' : result.stdout, stderr: result.stderr, code: result.code }
            : e,
        );
        if (opened) {
          return {
            history,
            stdin: result.editor as string,
            editing: { line: (entry as TerminalEntry).line, opened: result.editor as string },
          };
        }
        // the edit ended (saved, cancelled, or failed for good)
        const ended = s.editing !== null && entry?.line === s.editing.line;
        return ended ? { history, editing: null } : { history };
      }),
    clearHistory: () => set({ history: [] }),
    select: (selection) => set({ selected: selection }),
    setStdin: (text) => set({ stdin: text }),
  }));
}

export type ClusterStore = ReturnType<typeof createClusterStore>;

/** the app's one store */
export const useClusterStore = createClusterStore();
