import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { verbSandbox } from './verb-sandbox.ts';

/**
 * `get -w` and `--watch-only` in a chat message, which cannot keep watching: kubectl 1.33
 * (against Podium's API door, with --request-timeout=1s) prints the list then waits (-w), or only
 * waits (--watch-only); it says nothing of an empty list, and warns that --sort-by will not apply.
 */
function withPod() {
  const box = verbSandbox();
  box.kubectl('run g --image=nginx');
  box.advance(60_000);
  return box;
}

describe('kubectl get -w and --watch-only', () => {
  it.each([
    ['get po --watch-only', ''],
    ['get po g --watch-only -o name', ''],
    ['get po -l x=y --watch-only', ''],
    ['get ns --watch-only', ''],
    [
      'get ev --watch-only',
      'Warning: short name "ev" could also match lower priority resource events.events.k8s.io',
    ],
    ['get po --watch-only --output-watch-events', ''],
    ['get po -l x=y -w', ''],
    [
      'get po --watch-only --sort-by=.metadata.name',
      'warning: --watch-only requested, --sort-by will be ignored',
    ],
    [
      'get po --watch-only --sort-by=.metadata.name -w',
      'warning: --watch requested, --sort-by will be ignored for watch events received',
    ],
  ])('GIVEN %s THEN nothing from the snapshot is printed', (line, text) => {
    expect(withPod().kubectl(line)).toEqual({ text, ok: true });
  });

  it('GIVEN -w with --sort-by THEN the warning, then the list', () => {
    const { text } = withPod().kubectl('get po -w --sort-by=.metadata.name');
    expect(text.split('\n').slice(0, 2)).toEqual([
      'warning: --watch requested, --sort-by will be ignored for watch events received',
      'NAME   READY   STATUS    RESTARTS   AGE',
    ]);
  });

  it.each([
    ['get po nosuch --watch-only', 'Error from server (NotFound): pods "nosuch" not found'],
    [
      'get po --watch-only -o bogus',
      'error: unable to match a printer suitable for the output format "bogus", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml',
    ],
    [
      'get po --watch-only --show-labels -o name',
      'error: --show-labels option cannot be used with name printer',
    ],
    [
      'get po --output-watch-events',
      'error: --output-watch-events option can only be used with --watch or --watch-only',
    ],
  ])('GIVEN %s THEN kubectl’s error still comes', (line, text) => {
    expect(withPod().kubectl(line)).toEqual({ text, ok: false });
  });
});

describe('kubectl get --watch-only in chat', () => {
  it('GIVEN --watch-only WHEN asked in chat THEN the bot says why nothing was printed', () => {
    const t = testApp();
    t.say('alice', 'kubectl run g --image=nginx');
    expect(t.say('alice', 'kubectl get po --watch-only')).toMatch(
      /^`--watch-only` prints only what changes from now on/,
    );
  });

  it('GIVEN -w WHEN asked in chat THEN what is there now, then why it stops; nothing there, the note alone', () => {
    // kubectl 1.33 through Podium's API door (--request-timeout=2s) prints an empty list as
    // nothing and waits, for pods and for events alike.
    const note =
      'A chat message cannot keep watching, so this is what is there now: run the command again to see what changed.';
    const t = testApp();
    t.say('alice', 'kubectl run g --image=nginx');
    const watched = t.say('alice', 'kubectl get po -w');
    expect(watched).toMatch(/^NAME {3}READY/);
    expect(watched.endsWith(`\n\n${note}`)).toBe(true);
    expect(t.say('alice', 'kubectl get po -w -o name')).toBe(`pod/g\n\n${note}`);
    expect(t.say('alice', 'kubectl get po -w -n kube-public')).toBe(note);
    expect(t.say('alice', 'kubectl get po -w -n kube-public -o name')).toBe(note);
    expect(t.say('alice', 'kubectl get events -w -n kube-public')).toBe(note);
    expect(t.say('alice', 'kubectl get po')).not.toContain(note);
  });
});
