// The stdin editor: YAML that commands read with `-f -` (a plain textarea for now).
import { useClusterStore } from '../state/clusterStore';

export function StdinEditor() {
  const stdin = useClusterStore((s) => s.stdin);
  const setStdin = useClusterStore((s) => s.setStdin);
  return (
    <div className="stdin-editor">
      <div className="panel-title">
        stdin <span className="panel-subtitle">read by commands with -f -</span>
      </div>
      <textarea
        className="yaml-input"
        data-testid="yaml-input"
        aria-label="stdin (YAML)"
        value={stdin}
        onChange={(e) => setStdin(e.target.value)}
        spellCheck={false}
      />
    </div>
  );
}
