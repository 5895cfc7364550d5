import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { verbSandbox } from './verb-sandbox.ts';

/**
 * `kubectl events`: kubectl's own table of the events `get events` lists, as kubectl 1.33 prints
 * it against Podium's API door (1.34's cmd/events is the same code).
 */
describe('kubectl events', () => {
  const started = () => {
    const box = verbSandbox();
    box.kubectl('run kubia --image=luksa/kubia');
    box.kubectl('run bad --image=nosuch/image:1');
    box.advance(30_000);
    return box;
  };

  it('GIVEN started pods WHEN events --for pod/kubia THEN kubectl columns, the object as Kind/name, oldest first', () => {
    const { text, ok } = started().kubectl('events --for pod/kubia');
    expect(ok).toBe(true);
    expect(text).toMatch(
      /^LAST SEEN {3}TYPE {5}REASON {6}OBJECT {6}MESSAGE\n30s {9}Normal {3}Scheduled {3}Pod\/kubia {3}Successfully assigned default\/kubia to node0\d\n/,
    );
    expect(
      text
        .split('\n')
        .slice(1)
        .map((l) => l.split(/\s+/)[2]),
    ).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
  });

  it('GIVEN a crash loop THEN the table is sorted by when each event was last seen, not by when it was first', () => {
    const box = verbSandbox();
    box.kubectl("run crash --image=busybox -- sh -c 'exit 1'");
    box.advance(30_000);
    const reasons = (line: string) =>
      box
        .kubectl(line)
        .text.split('\n')
        .slice(1)
        .map((l) => l.replace(/^\S+( \(x\d+ over \S+\))?\s+\S+\s+/, '').split(/\s+/)[0]);
    expect(reasons('events --for pod/crash')).toEqual([
      'Scheduled',
      'Pulled',
      'Pulled',
      'Pulling',
      'Created',
      'Started',
      'Pulled',
      'BackOff',
    ]);
    // Watching, they come as the server lists them: by name, that is by first sighting.
    expect(reasons('events -w --for pod/crash').slice(0, 3)).toEqual(['Scheduled', 'Pulling', 'Pulled']);
  });

  it('GIVEN an event seen again and again WHEN events THEN LAST SEEN reads "<last> (xN over <first>)"', () => {
    const { text } = started().kubectl('events --for pod/bad --types=Warning');
    expect(text).toMatch(
      /^\d+s \(x\d+ over 2\ds\) {3}Warning {3}Failed {3}Pod\/bad {3}Error: ErrImagePull$/m,
    );
  });

  it('GIVEN -A THEN NAMESPACE comes first; with --no-headers no header', () => {
    const box = started();
    const all = box.kubectl('events -A').text.split('\n');
    expect(all[0]).toMatch(/^NAMESPACE {5}LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(all.some((l) => l.startsWith('kube-system '))).toBe(true);
    expect(box.kubectl('events --no-headers --for pod/kubia').text.split('\n')[0]).toMatch(
      /^30s\s+Normal\s+Scheduled/,
    );
  });

  it('GIVEN no events WHEN events THEN kubectl says so for the namespace, or for all', () => {
    const box = started();
    expect(box.kubectl('events -n kube-public')).toEqual({
      text: 'No events found in kube-public namespace.',
      ok: true,
    });
    expect(box.kubectl('events -A --for pod/nope')).toEqual({ text: 'No events found.', ok: true });
    expect(box.kubectl('events --for pod/nope -o json').text).toBe('No events found in default namespace.');
  });

  it('GIVEN a bad --for THEN kubectl`s errors, in its words', () => {
    const box = started();
    const said = (line: string) => box.kubectl(line);
    expect(said('events --for kubia')).toEqual({
      text: 'error: --for must be in resource/name form',
      ok: false,
    });
    expect(said('events --for pod/a/b').text).toBe(
      'error: arguments in resource/name form may not have more than one slash',
    );
    expect(said('events --for /kubia').text).toBe('error: a resource must be present, got: /, Resource=');
    expect(said('events --for .apps/x').text).toBe(
      'error: a resource must be present, got: apps/, Resource=',
    );
    expect(said('events --for foo/bar').text).toBe(`the server doesn't have a resource type "foo"`);
    expect(said('events --for pod.v1/kubia').text).toBe(
      `the server doesn't have a resource type "pod" in group "v1"`,
    );
    expect(said('events --for deploy/x').text).toBe('No events found in default namespace.');
    expect(said('events --for ev/x').text).toBe(
      'Warning: short name "ev" could also match lower priority resource events.events.k8s.io\nNo events found in default namespace.',
    );
    // The type is lower-cased before the mapper sees it; an empty name filters nothing.
    expect(said('events --for PO/kubia').text).toBe(said('events --for pod/kubia').text);
    expect(said('events --for pod/').text).toBe(said('events').text);
  });

  it('GIVEN --types THEN only Normal and Warning, in any case, are accepted; an empty value is none', () => {
    const box = started();
    expect(box.kubectl('events --types=Foo')).toEqual({
      text: 'error: valid --types are Normal or Warning',
      ok: false,
    });
    expect(box.kubectl('events --types=Warning,,').ok).toBe(false);
    expect(box.kubectl('events --types=warning --for pod/bad').text).not.toContain('Normal');
    expect(box.kubectl('events --types= --for pod/bad').text).toBe(box.kubectl('events --for pod/bad').text);
    // pflag reads the value as a CSV record: quotes are the record's, and a stray one refused.
    expect(box.kubectl(`events --types='"Warning"' --for pod/bad`).text).toBe(
      box.kubectl('events --types=Warning --for pod/bad').text,
    );
    expect(box.kubectl(`events --types='"a' --for kubia`).text).toBe(
      `error: invalid argument "\\"a" for "--types" flag: parse error on line 1, column 3: extraneous or missing " in quoted-field\nSee 'kubectl events --help' for usage.`,
    );
    // --for is read before the types are checked.
    expect(box.kubectl('events --types=Foo --for kubia').text).toBe(
      'error: --for must be in resource/name form',
    );
  });

  it('GIVEN -o THEN only the object formats are offered, and the EventList is Go`s typed one', () => {
    const box = started();
    expect(box.kubectl('events -o wide').text).toBe(
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
    );
    const json = box.kubectl('events --for pod/kubia -o json').text;
    expect(json).toMatch(
      /^\{\n {4}"kind": "EventList",\n {4}"apiVersion": "v1",\n {4}"metadata": \{\},\n {4}"items": \[\n {8}\{\n {12}"kind": "Event",/,
    );
    expect(JSON.parse(json).items.map((e: { reason: string }) => e.reason)).toEqual([
      'Scheduled',
      'Pulling',
      'Pulled',
      'Created',
      'Started',
    ]);
    expect(box.kubectl('events --for pod/kubia -o yaml').text).toMatch(
      /^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}count: 1\n/,
    );
    expect(box.kubectl('events --for pod/kubia -o yaml').text).toMatch(/\nkind: EventList\nmetadata: \{\}$/);
  });

  it('GIVEN -o name or a failing template THEN what kubectl printed, and no error: Run ignores the printer`s', () => {
    const box = started();
    expect(box.kubectl('events --for pod/kubia -o name')).toEqual({ text: '', ok: true });
    const failed = box.kubectl(
      'events --for pod/kubia -o go-template={{.nope}} --allow-missing-template-keys=false',
    );
    expect(failed.ok).toBe(true);
    // The debugging text's tabs go through the tab writer; the raw data is in struct order.
    expect(failed.text).toMatch(
      /^Error executing template: .*\n {6}template was:\n {12}\{\{\.nope\}\}\n {6}raw data was:\n {12}\{"kind":"EventList","apiVersion":"v1","metadata":\{\},"items":\[\{"kind":"Event",/,
    );
    expect(box.kubectl('events --for pod/kubia --template={{.kind}}').text).toMatch(/^LAST SEEN/);
    expect(box.kubectl('events --for pod/kubia -o template --template={{.kind}}').text).toBe('EventList');
  });

  it('GIVEN -w THEN every event as the server sends it, each flushed under the widths printed first, and the chat says why it stops', () => {
    const box = started();
    const watched = box.kubectl('events -w --for pod/bad');
    const lines = watched.text.split('\n');
    expect(lines[0]).toBe('LAST SEEN   TYPE     REASON      OBJECT    MESSAGE');
    // Server order (by name, when first seen), not sorted by last sighting; rows later than the
    // first keep at least its widths and widen on their own.
    expect(lines[1]).toBe(
      '30s         Normal   Scheduled   Pod/bad   Successfully assigned default/bad to node01',
    );
    expect(lines[2]).toBe(
      '17s (x2 over 30s)   Normal   Pulling     Pod/bad   Pulling image "nosuch/image:1"',
    );
    expect(lines[3]).toMatch(/^16s \(x2 over 28s\) {3}Warning {3}Failed {6}Pod\/bad {3}Failed to pull image/);
    expect(watched.ok).toBe(true);
    expect(box.kubectl('events -w --for pod/nope').text).toBe('');
  });

  it('GIVEN an invalid namespace THEN client-go refuses it before any request, after the flags', () => {
    const box = started();
    expect(box.kubectl('events -n a/b').text).toBe(`error: invalid namespace "a/b": [may not contain '/']`);
    expect(box.kubectl('events -n a/b --types=Foo').text).toBe('error: valid --types are Normal or Warning');
    expect(box.kubectl('events -n a/b -A --for pod/nope').text).toBe('No events found.');
  });

  it('GIVEN the chat WHEN kubectl events -w THEN the snapshot, then why it stops; and events is a verb the chat has', () => {
    const t = testApp();
    t.say('alice', 'kubectl run kubia --image=luksa/kubia');
    t.advance(30_000);
    const watched = t.say('alice', 'kubectl events --for pod/kubia -w');
    expect(watched).toMatch(/^LAST SEEN {3}TYPE/);
    expect(watched).toContain('A chat message cannot keep watching, so this is what is there now');
    expect(t.say('alice', 'kubectl events --for pod/kubia')).not.toContain('cannot keep watching');
    // kubectl 1.33 prints nothing and waits when there is nothing to show: the note alone.
    expect(t.say('alice', 'kubectl events -n kube-public -w')).toBe(
      'A chat message cannot keep watching, so this is what is there now: run the command again to see what changed.',
    );
    expect(t.say('alice', 'kubectl --help')).toMatch(/^ {2}events {2,}List events$/m);
    // A real cluster's events carry managedFields; the sandbox records none, and says so.
    const managed = 'This sandbox does not record it';
    expect(t.say('alice', 'kubectl events --for pod/kubia -o yaml --show-managed-fields')).toContain(managed);
    expect(t.say('alice', 'kubectl events --for pod/kubia -o yaml')).not.toContain(managed);
    expect(t.say('alice', 'kubectl events --for pod/nope -o yaml --show-managed-fields')).not.toContain(
      managed,
    );
  });

  it('GIVEN bob shared his sandbox WHEN alice runs kubectl events --context=bob THEN she reads his events (a read-only verb)', () => {
    const t = testApp();
    t.say('bob', 'kubectl run web --image=nginx');
    t.say('alice', 'kubectl run mine --image=nginx');
    t.say('bob', '/sandbox share on');
    t.advance(10_000);
    const looked = t.send('alice', 'kubectl events --context=bob --for pod/web');
    expect(looked.ok).toBe(true);
    expect(t.say('alice', 'kubectl --context=bob events')).toContain('Pod/web');
    expect(t.say('alice', 'kubectl --context=bob events')).not.toContain('Pod/mine');
  });
});
