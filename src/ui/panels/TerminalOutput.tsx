// Scrollback: each command line with its stdout, and stderr in red; keeps the newest output in view.
import { useEffect, useRef } from 'react';
import { useClusterStore } from '../state/clusterStore';

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
          {e.stderr && <pre className="terminal-stderr">{e.stderr}</pre>}
        </div>
      ))}
      <div ref={end} />
    </div>
  );
}
