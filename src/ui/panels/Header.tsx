// Top bar: app name, virtual time, store revision, engine status, and the simulation buttons.
import { useClusterStore } from '../state/clusterStore';
import { formatVirtualTime } from '../state/formatTime';
import { SimButtons } from './SimButtons';

export function Header() {
  const nowMs = useClusterStore((s) => s.nowMs);
  const revision = useClusterStore((s) => s.revision);
  const status = useClusterStore((s) => s.status);
  const error = useClusterStore((s) => s.error);
  return (
    <header className="header">
      <h1 className="brand">kubesim</h1>
      <div className="stat">
        <span className="stat-label">virtual time</span>
        <span className="stat-value" data-testid="virtual-time">
          {formatVirtualTime(nowMs)}
        </span>
      </div>
      <div className="stat">
        <span className="stat-label">revision</span>
        <span className="stat-value" data-testid="revision">
          {revision}
        </span>
      </div>
      {status !== 'ready' && (
        <div className={`engine-status engine-status-${status}`} role="status">
          {status === 'error' ? error : 'starting cluster…'}
        </div>
      )}
      <SimButtons />
    </header>
  );
}
