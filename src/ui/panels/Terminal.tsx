// The terminal panel: past commands with their output, and the `$` prompt.
import { TerminalOutput } from './TerminalOutput';
import { TerminalPrompt } from './TerminalPrompt';

export function Terminal() {
  return (
    <div className="terminal" aria-label="terminal">
      <TerminalOutput />
      <TerminalPrompt />
    </div>
  );
}
