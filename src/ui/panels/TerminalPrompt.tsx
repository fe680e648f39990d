// The `$` prompt: Enter runs the line (with the stdin editor's text when it says `-f -`), Up/Down walk history.
import { useState, type KeyboardEvent } from 'react';
import { useEngine } from '../bridge/engineContext';
import { useClusterStore } from '../state/clusterStore';
import { readsStdin } from '../state/commandLine';

export function TerminalPrompt() {
  const engine = useEngine();
  const [line, setLine] = useState('');
  // index into past lines while browsing with Up/Down; null = editing a new line
  const [browse, setBrowse] = useState<number | null>(null);
  const [draft, setDraft] = useState('');

  const pastLines = () => useClusterStore.getState().history.map((e) => e.line);

  function submit() {
    const text = line.trim();
    if (!text) return;
    if (text === 'clear') useClusterStore.getState().clearHistory();
    else void engine.run(text, readsStdin(text) ? useClusterStore.getState().stdin : undefined);
    setLine('');
    setBrowse(null);
  }

  function walk(dir: -1 | 1) {
    const lines = pastLines();
    if (lines.length === 0) return;
    if (browse === null && dir === 1) return;
    if (browse === null) setDraft(line);
    const next = (browse ?? lines.length) + dir;
    if (next >= lines.length) {
      setBrowse(null);
      setLine(draft);
      return;
    }
    const i = Math.max(0, next);
    setBrowse(i);
    setLine(lines[i] ?? '');
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter') submit();
    else if (e.key === 'ArrowUp') walk(-1);
    else if (e.key === 'ArrowDown') walk(1);
    else return;
    e.preventDefault();
  }

  return (
    <label className="terminal-prompt">
      <span className="prompt">$</span>
      <input
        className="terminal-input"
        data-testid="terminal-input"
        aria-label="command line"
        value={line}
        onChange={(e) => {
          setLine(e.target.value);
          setBrowse(null);
        }}
        onKeyDown={onKeyDown}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        placeholder="kubectl get pods"
        autoFocus
      />
    </label>
  );
}
