// The stdin editor: YAML that commands read with `-f -` (a plain textarea for now). While a `kubectl edit` is open it
// holds the file kubectl would have opened in $EDITOR: Save runs the same command with the text as stdin, as
// quitting the editor after saving does; Cancel runs it with the file as opened, which kubectl answers with
// "Edit cancelled, no changes made."
import { useEngine } from '../bridge/engineContext';
import { useClusterStore } from '../state/clusterStore';

export function StdinEditor() {
  const engine = useEngine();
  const stdin = useClusterStore((s) => s.stdin);
  const setStdin = useClusterStore((s) => s.setStdin);
  const editing = useClusterStore((s) => s.editing);
  return (
    <div className="stdin-editor">
      {editing ? (
        <div className="panel-title edit-title" data-testid="edit-banner">
          <span>
            editing <span className="panel-subtitle">{editing.line}</span>
          </span>
          <span className="edit-buttons">
            <button
              type="button"
              className="button small"
              onClick={() => void engine.run(editing.line, stdin)}
            >
              Save
            </button>
            <button
              type="button"
              className="button small secondary"
              onClick={() => void engine.run(editing.line, editing.opened)}
            >
              Cancel
            </button>
          </span>
        </div>
      ) : (
        <div className="panel-title">
          stdin <span className="panel-subtitle">read by commands with -f -</span>
        </div>
      )}
      <textarea
        className="yaml-input"
        data-testid="yaml-input"
        aria-label={editing ? `file open by ${editing.line}` : 'stdin (YAML)'}
        value={stdin}
        onChange={(e) => setStdin(e.target.value)}
        spellCheck={false}
      />
    </div>
  );
}
