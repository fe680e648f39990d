// Scrollback: each command line with its stdout, and stderr in red (kubesim's own notes, the stderr lines in
// parentheses that begin "(kubesim", in a quieter style: they explain, they are not errors); keeps the newest
// output in view.
import { useEffect, useRef } from 'react';
import { useClusterStore } from '../state/clusterStore';
import { splitNotes } from '../state/notes';

export function TerminalOutput() {
  const history = useClusterStore((s) => s.history);
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [history]);
  return (
    <div className="terminal-output" data-testid="terminal-output" aria-live="polite">
      {history.length === 0 && (
        <div className="terminal-hint">
          Try <code>kubectl get nodes</code>, or put a manifest on the right and run{' '}
          <code>kubectl apply -f -</code>
        </div>
      )}
      {history.map((e) => (
        <div key={e.id} className="terminal-entry">
          <div className="terminal-line">
            <span className="prompt">$</span> {e.line}
          </div>
          {e.code === null && <div className="terminal-running">…</div>}
          {e.stdout && <pre className="terminal-stdout">{e.stdout}</pre>}
          {e.stderr &&
            splitNotes(e.stderr).map((part, i) => (
              <pre key={i} className={part.note ? 'terminal-note' : 'terminal-stderr'}>
                {part.text}
              </pre>
            ))}
        </div>
      ))}
      <div ref={end} />
    </div>
  );
}
