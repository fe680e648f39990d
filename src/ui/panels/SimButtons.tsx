// Buttons that drive virtual time; each runs an ordinary `sim` command, so it shows in the terminal too.
import { useEngine } from '../bridge/engineContext';

const BUTTONS = [
  { label: 'Step 1s', line: 'sim advance 1s', title: 'advance virtual time by one second' },
  { label: 'Settle', line: 'sim settle', title: 'run until the control plane has nothing left to do' },
];

export function SimButtons() {
  const engine = useEngine();
  return (
    <div className="sim-buttons">
      {BUTTONS.map((b) => (
        <button
          key={b.line}
          type="button"
          className="button"
          title={b.title}
          onClick={() => void engine.run(b.line)}
        >
          {b.label}
        </button>
      ))}
    </div>
  );
}
