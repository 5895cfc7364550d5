import { spawnSync } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../src/adapters/console/console.ts';
import { testApp } from '../helpers/app.ts';
import { BIN, runConsole as podium, tempDbPath } from '../helpers/console.ts';

/** A console session in process: its stdout and the greeting's stream, as text. */
async function session(lines: string, json: boolean): Promise<{ out: string; greeting: string }> {
  const t = testApp();
  const sink = () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    return { stream, text: () => chunks.join('') };
  };
  const out = sink();
  const greeting = sink();
  await runConsole(t.app, {
    user: 'alice',
    json,
    input: Readable.from([lines]),
    output: out.stream,
    interactive: false,
    filesDir: tempDbPath('podium-greeting-'),
    greeting: greeting.stream,
  });
  return { out: out.text(), greeting: greeting.text() };
}

describe('the console greets and quits', () => {
  it('GIVEN the console starts THEN one line says what this is, /help and how to leave, on its own stream', async () => {
    const { out, greeting } = await session('kubectl get ns\n', false);
    expect(greeting).toBe(
      'Podium console: your own practice Kubernetes cluster and quizzes for the pods chapter. Try `kubectl get nodes`, ask “what is a pod?”, or type `/help`; `/quit` or Ctrl-D leaves.\n',
    );
    expect(out).toMatch(/^NAME +STATUS +AGE\n/);
  });

  it('GIVEN --json THEN no greeting anywhere: stdout is JSON lines only', async () => {
    const { out, greeting } = await session('kubectl get ns\n', true);
    expect(greeting).toBe('');
    for (const line of out.trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('GIVEN /quit THEN the session ends there: the lines after it are not run', async () => {
    const { out } = await session('kubectl run a --image=nginx\n/quit\nkubectl run b --image=nginx\n', false);
    expect(out).toBe('pod/a created\n');
  });

  it('GIVEN /quit inside a code block THEN it is a line of the block, not the end', async () => {
    const { out } = await session('/file save notes.yaml\n```\n/quit\n```\n/file list\n', false);
    expect(out).toContain('notes.yaml');
  });

  it('GIVEN the real binary with --json THEN stderr is empty and every stdout line is JSON; without it the greeting is on stderr', () => {
    const run = podium('kubectl get ns\n/quit\nkubectl get po\n', ['--db', tempDbPath()]);
    expect(run.stderr).toBe('');
    expect(run.lines.map((l) => l.input)).toEqual(['kubectl get ns']);
    const plain = spawnSync(process.execPath, [BIN, 'console', '--db', tempDbPath()], {
      input: 'kubectl get ns\n',
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, PODIUM_LANG: 'en' },
    });
    expect(plain.stderr).toMatch(/^Podium console: .*`\/quit` or Ctrl-D leaves\.\n$/);
    expect(plain.stdout).toMatch(/^NAME +STATUS +AGE\n/);
  });
});
