// The store's side of `kubectl edit` in the app: an opened file goes to the stdin editor (not the scrollback) and
// starts an edit session; the same command finishing without a file ends it.
import { describe, expect, it } from 'vitest';
import { createClusterStore } from './clusterStore';

describe('edit sessions in the cluster store', () => {
  it('opens the file in the stdin editor, reopens it on errors, and ends when the edit ends', () => {
    const store = createClusterStore();
    const s = () => store.getState();
    s().commandStarted(1, 'kubectl edit deploy/web');
    s().commandFinished(1, {
      code: 0,
      stdout: '# file\nspec: {}\n',
      stderr: '(note)\n',
      editor: '# file\nspec: {}\n',
    });
    expect(s().stdin).toBe('# file\nspec: {}\n');
    expect(s().editing).toEqual({ line: 'kubectl edit deploy/web', opened: '# file\nspec: {}\n' });
    expect(s().history[0]).toMatchObject({ stdout: '', stderr: '(note)\n', code: 0 });
    // an unrelated command leaves the edit open
    s().commandStarted(2, 'kubectl get pods');
    s().commandFinished(2, { code: 0, stdout: 'x\n', stderr: '' });
    expect(s().editing?.line).toBe('kubectl edit deploy/web');
    // a save the server rejects reopens the file with the reasons
    s().commandStarted(3, 'kubectl edit deploy/web');
    s().commandFinished(3, {
      code: 1,
      stdout: '',
      stderr: 'error: invalid\n',
      editor: '# reasons\nspec: {}\n',
    });
    expect(s().editing?.opened).toBe('# reasons\nspec: {}\n');
    s().commandStarted(4, 'kubectl edit deploy/web');
    s().commandFinished(4, { code: 0, stdout: 'deployment.apps/web edited\n', stderr: '' });
    expect(s().editing).toBeNull();
    expect(s().history[3]?.stdout).toBe('deployment.apps/web edited\n');
  });
});
