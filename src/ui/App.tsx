// The page: header (time, revision, sim buttons), the cluster canvas, and the terminal with its stdin editor.
import { Header } from './panels/Header';
import { ClusterCanvas } from './graph/ClusterCanvas';
import { Terminal } from './panels/Terminal';
import { StdinEditor } from './panels/StdinEditor';

export function App() {
  return (
    <div className="app">
      <Header />
      <main className="canvas-area">
        <ClusterCanvas />
      </main>
      <section className="bottom-panel">
        <Terminal />
        <StdinEditor />
      </section>
    </div>
  );
}
