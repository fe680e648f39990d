// End to end: the built app starts a cluster in a worker, draws its nodes, and applies a Pod typed into stdin.
import { expect, test, type Page } from '@playwright/test';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: hello
spec:
  containers:
    - name: hello
      image: nginx:1.27
`;

async function runCommand(page: Page, line: string) {
  const input = page.getByTestId('terminal-input');
  await input.fill(line);
  await input.press('Enter');
}

test('nodes are drawn, a pod applied from stdin appears unscheduled and is listed', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('/');

  for (const name of ['control-plane', 'node-1', 'node-2', 'node-3']) {
    await expect(page.getByTestId(`node-${name}`)).toBeVisible();
  }
  await expect(page.getByTestId('virtual-time')).toHaveText(/^\d+:\d\d:\d\d\.\d{3}$/);
  await page.screenshot({ path: 'test-results/01-nodes.png' });

  await page.getByTestId('yaml-input').fill(POD);
  await runCommand(page, 'kubectl apply -f -');
  const output = page.getByTestId('terminal-output');
  await expect(output).toContainText('pod/hello created');

  const pod = page.getByTestId('pod-hello');
  await expect(pod).toBeVisible();
  // no scheduler has bound it: the tile is drawn inside the unscheduled lane
  const lane = await page.getByTestId('unscheduled-lane').boundingBox();
  const tile = await pod.boundingBox();
  expect(lane && tile).toBeTruthy();
  expect(tile!.x).toBeGreaterThanOrEqual(lane!.x);
  expect(tile!.y).toBeGreaterThanOrEqual(lane!.y);
  expect(tile!.x + tile!.width).toBeLessThanOrEqual(lane!.x + lane!.width + 1);
  expect(tile!.y + tile!.height).toBeLessThanOrEqual(lane!.y + lane!.height + 1);

  await runCommand(page, 'kubectl get pods');
  await expect(output).toContainText(/NAME\s+READY\s+STATUS/);
  await expect(output).toContainText(/hello\s+0\/1\s+Pending/);
  await page.screenshot({ path: 'test-results/02-pod-applied.png' });

  // history: Up brings back the last command
  const input = page.getByTestId('terminal-input');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('kubectl get pods');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('kubectl apply -f -');
  await input.press('ArrowDown');
  await input.press('ArrowDown');
  await expect(input).toHaveValue('');

  // errors go to stderr, shown in red
  await runCommand(page, 'kubectl get pod nope');
  await expect(page.locator('.terminal-stderr').last()).toContainText('pods "nope" not found');
  await expect(page.locator('.terminal-stderr').last()).toHaveCSS('color', 'rgb(255, 123, 123)');

  expect(pageErrors).toEqual([]);
});

test('Step 1s advances virtual time', async ({ page }) => {
  await page.goto('/');
  const time = page.getByTestId('virtual-time');
  await expect(page.getByTestId('node-node-1')).toBeVisible();
  const before = await time.textContent();
  await page.getByRole('button', { name: 'Step 1s' }).click();
  await expect(page.getByTestId('terminal-output')).toContainText('sim advance 1s');
  await expect(time).not.toHaveText(before ?? '');
  await page.screenshot({ path: 'test-results/03-stepped.png' });
});

test('kubectl get pods -w shows the pods of a Deployment coming up, row by row, on virtual time', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('/');
  await expect(page.getByTestId('node-node-1')).toBeVisible();
  const output = page.getByTestId('terminal-output');
  await runCommand(page, 'kubectl create deployment web --image=nginx --replicas=2');
  await expect(output).toContainText('deployment.apps/web created');
  await runCommand(page, 'kubectl get pods -w');
  // each change is a row of its own; STATUS widens once ContainerCreating appears and stays wide
  await expect(output).toContainText(/web-\S+\s+0\/1\s+ContainerCreating\s+0\s+0s/);
  await expect(output).toContainText(/web-\S+\s+1\/1\s+Running {13}0\s+\d+s/);
  // kubesim's note on why the watch ended is told apart from errors
  const note = page.locator('.terminal-note').last();
  await expect(note).toContainText('kubesim stopped watching after');
  await expect(note).toHaveCSS('color', 'rgb(252, 211, 77)');
  await page.screenshot({ path: 'test-results/04-get-watch.png' });
});

test('kubectl edit opens the object in the editor, and Save patches it', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('/');
  await expect(page.getByTestId('node-node-1')).toBeVisible();
  const output = page.getByTestId('terminal-output');
  await runCommand(page, 'kubectl create deployment web --image=nginx --replicas=1');
  await expect(output).toContainText('deployment.apps/web created');
  await runCommand(page, 'kubectl edit deployment/web');
  const banner = page.getByTestId('edit-banner');
  await expect(banner).toContainText('editing kubectl edit deployment/web');
  const editor = page.getByTestId('yaml-input');
  await expect(editor).toHaveValue(/^# Please edit the object below\./);
  await expect(editor).toHaveValue(/\n {2}replicas: 1\n/);
  await page.screenshot({ path: 'test-results/05-edit-open.png' });

  // an invalid value: the editor is reopened with the reason on top, as kubectl reopens $EDITOR
  await editor.fill(((await editor.inputValue()) ?? '').replace('  replicas: 1\n', '  replicas: -1\n'));
  await banner.getByRole('button', { name: 'Save' }).click();
  await expect(output).toContainText('error: deployments.apps "web" is invalid');
  await expect(editor).toHaveValue(
    /# \* spec\.replicas: Invalid value: -1: must be greater than or equal to 0\n/,
  );

  await editor.fill(((await editor.inputValue()) ?? '').replace('  replicas: -1\n', '  replicas: 3\n'));
  await banner.getByRole('button', { name: 'Save' }).click();
  await expect(output).toContainText('deployment.apps/web edited');
  await expect(banner).toHaveCount(0);
  await runCommand(page, 'kubectl get deployment web -o jsonpath={.spec.replicas}');
  await expect(page.locator('.terminal-stdout').last()).toHaveText('3');
  await page.screenshot({ path: 'test-results/06-edit-saved.png' });
});
