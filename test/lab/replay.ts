import { expect } from 'vitest';
import { CHAT_COMMANDS, KUBECTL_VERBS } from '../../commands/index.ts';
import { replyText } from '../../src/chat/reply.ts';
import { evaluateChecks } from '../../src/lab/checks.ts';
import type { Lab, Route } from '../../src/lab/model.ts';
import { labStore } from '../../src/store/labs.ts';
import { type TestApp, testApp } from '../helpers/app.ts';

/**
 * Replays a lab route the way a member would type it: `/lab start`, then each chat message through
 * the real dispatch (and pauses on the sandbox clock), then grades the sandbox. A step may say
 * `{podIP:NAME}` where a member would read the IP off `kubectl get po -o wide`.
 */
export const MEMBER = 'alice';

export function cluster(t: TestApp) {
  const { sandboxes } = t.app;
  const key = { platform: 'console' as const, scope: 'test', user: MEMBER };
  return sandboxes.load(sandboxes.open(key, t.clock.now), t.clock.now);
}

function fill(t: TestApp, lab: Lab, text: string): string {
  return text.replace(/\{podIP:([a-z0-9.-]+)\}/g, (_whole, name: string) => {
    const pod = cluster(t).pods.find(
      (p) => p.metadata.namespace === lab.namespace && p.metadata.name === name,
    );
    if (pod?.sim.podIP === undefined) throw new Error(`route asks for the IP of ${name}, which has none`);
    return pod.sim.podIP;
  });
}

export interface Replayed {
  t: TestApp;
  /** The check ids that failed, in the lab's order. */
  failed: string[];
  /** The `/lab check` reply. */
  report: string;
}

export function replay(lab: Lab, route: Route): Replayed {
  const t = testApp();
  const started = t.send(MEMBER, `/lab start ${lab.id}`);
  expect(started.ok, replyText(started)).toBe(true);
  for (const step of route.steps) {
    if ('advanceMs' in step) {
      t.advance(step.advanceMs);
      continue;
    }
    const text = fill(t, lab, step.say);
    const reply = t.send(MEMBER, text);
    expect(reply.ok, `${text}\n=> ${replyText(reply)}`).toBe(!step.expectError);
  }
  const run = labStore(t.app.db).active({ platform: 'console', scope: 'test', user: MEMBER });
  const failed = evaluateChecks(
    lab.checks,
    cluster(t),
    run === undefined ? [] : labStore(t.app.db).commands(run),
  )
    .filter((r) => !r.result.passed)
    .map((r) => r.check.id);
  return { t, failed, report: replyText(t.send(MEMBER, '/lab check')) };
}

/** The verbs and chat commands a route types that this build does not have yet. */
export function missingCommands(route: Route): string[] {
  const verbs = new Set(KUBECTL_VERBS.map((v) => v.name));
  const chats = new Set(CHAT_COMMANDS.map((c) => c.name));
  const missing = new Set<string>();
  for (const step of route.steps) {
    if (!('say' in step)) continue;
    const kubectl = /^kubectl\s+([a-z-]+)/.exec(step.say);
    if (kubectl?.[1] !== undefined) {
      if (!verbs.has(kubectl[1])) missing.add(`kubectl ${kubectl[1]}`);
      continue;
    }
    const chat = /^\/?([a-z-]+)/.exec(step.say);
    if (chat?.[1] !== undefined && !chats.has(chat[1])) missing.add(chat[1]);
  }
  return [...missing];
}
