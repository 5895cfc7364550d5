import type { App } from '../../chat/context.ts';
import type { Cluster } from '../../cluster/model.ts';
import type { Lang } from '../../i18n/lang.ts';
import { GLOBAL_FLAGS } from '../../kubectl/flags.ts';
import { RESOURCES, resolveResource } from '../../kubectl/resources.ts';
import type { KubectlVerb } from '../../kubectl/verb.ts';
import { labCatalogue } from '../../lab/load.ts';
import type { SandboxKey } from '../../store/sandboxes.ts';

/**
 * Suggestions for `/kubectl command:` while the member types: the word being typed is completed
 * from the verbs, resource types, flags, and the names of the member's own pods, nodes and
 * namespaces. Discord replaces the whole option with the chosen value, so every suggestion is
 * the full line. Only suggestions: what is submitted is parsed and checked like any other line.
 */
export const MAX_CHOICES = 25;
/** Discord's limit on a choice's name and value. */
export const CHOICE_MAX = 100;

/** Verbs whose first argument is a resource type (`get po x`), and those that take a pod (`logs x`). */
const TYPE_FIRST = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'wait', 'edit', 'patch']);
const POD_FIRST = new Set(['logs', 'exec', 'port-forward', 'attach']);
const NAMESPACE_FLAGS = new Set(['-n', '--namespace']);

export function suggestKubectl(
  line: string,
  cluster: Cluster | null,
  verbs: readonly KubectlVerb[],
): string[] {
  // Members used to a terminal may type the `kubectl` the command's name already says.
  const lead = /^\s*(?:kubectl\s+)?/.exec(line)?.[0] ?? '';
  const words = line.slice(lead.length).split(/\s+/);
  const partial = words.pop() ?? '';
  const prefix = line.slice(0, line.length - partial.length);
  const complete = (candidates: Iterable<string>) => {
    const out: string[] = [];
    for (const c of new Set(candidates)) {
      const value = prefix + c;
      if (c.startsWith(partial) && value.length <= CHOICE_MAX) out.push(value);
      if (out.length === MAX_CHOICES) break;
    }
    return out;
  };
  const [verbName, ...rest] = words;
  if (verbName === undefined) return complete(verbs.map((v) => v.name));
  const verb = verbs.find((v) => v.name === verbName);
  if (verb === undefined) return [];
  if (partial.startsWith('-')) {
    return complete([...verb.flags, ...GLOBAL_FLAGS].map((f) => `--${f.name}`));
  }
  const { positional, namespace, after } = scan(rest, verb);
  if (after !== null && NAMESPACE_FLAGS.has(after)) return complete(names(cluster, 'namespaces', namespace));
  if (POD_FIRST.has(verb.name) && positional.length === 0) return complete(names(cluster, 'pods', namespace));
  if (!TYPE_FIRST.has(verb.name)) return [];
  const slash = partial.indexOf('/');
  if (slash !== -1) {
    const type = resolveResource(partial.slice(0, slash))?.type;
    const kind = partial.slice(0, slash + 1);
    return type === undefined ? [] : complete(names(cluster, type, namespace).map((n) => kind + n));
  }
  const [first] = positional;
  if (first === undefined) return complete(RESOURCES.flatMap((r) => [r.type, ...r.shortNames]));
  const type = resolveResource(first.split(',')[0] ?? '')?.type;
  return type === undefined ? [] : complete(names(cluster, type, namespace));
}

/** The positional words so far, the namespace flag's value, and a flag still waiting for its value. */
function scan(words: readonly string[], verb: KubectlVerb) {
  const positional: string[] = [];
  let namespace = 'default';
  let after: string | null = null;
  const valued = new Set(
    [...verb.flags, ...GLOBAL_FLAGS]
      .filter((f) => f.type !== 'bool')
      .flatMap((f) => [`--${f.name}`, ...(f.short === undefined ? [] : [`-${f.short}`])]),
  );
  for (const word of words) {
    if (after !== null) {
      if (NAMESPACE_FLAGS.has(after)) namespace = word;
      after = null;
    } else if (word.startsWith('-')) {
      const inline = /^(--namespace=|-n=?)(.+)$/.exec(word);
      if (inline !== null) namespace = inline[2] ?? namespace;
      else if (valued.has(word)) after = word;
    } else {
      positional.push(word);
    }
  }
  return { positional, namespace, after };
}

function names(cluster: Cluster | null, type: string, namespace: string): string[] {
  if (cluster === null) return [];
  if (type === 'pods')
    return cluster.pods.filter((p) => p.metadata.namespace === namespace).map((p) => p.metadata.name);
  if (type === 'nodes') return cluster.nodes.map((n) => n.metadata.name);
  if (type === 'namespaces') return cluster.namespaces.map((n) => n.metadata.name);
  return [];
}

export interface Focus {
  command: string;
  option: string;
  typed: string;
}

export interface Suggestion {
  name: string;
  value: string;
}

/**
 * Suggestions for whichever option is focused: kubectl lines, saved file names, quiz topics and
 * lab ids (named with their titles in the member's language). The member's sandbox is read,
 * never created.
 */
export function suggestions(
  app: App,
  verbs: readonly KubectlVerb[],
  key: SandboxKey,
  focus: Focus,
  lang: Lang,
): Suggestion[] {
  const cluster = () => {
    if (!app.sandboxes.exists(key)) return null;
    const now = app.clock();
    return app.sandboxes.load(app.sandboxes.open(key, now), now);
  };
  const same = (values: string[]) => values.map((v) => ({ name: v, value: v }));
  const { command, option, typed } = focus;
  if (command === 'kubectl' && option === 'command') return same(suggestKubectl(typed, cluster(), verbs));
  if (command === 'file' && option === 'name')
    return matching(same(cluster()?.files.map((f) => f.name) ?? []), typed);
  if (command === 'quiz' && option === 'topic') {
    const topics = app.quiz
      .catalog()
      .topics.map((x) => ({ name: titled(x.topic, x.title[lang]), value: x.topic }));
    return matching(topics, typed);
  }
  if (command === 'lab' && option === 'name') {
    const labs = labCatalogue();
    return labs.ok
      ? matching(
          labs.value.map((l) => ({ name: titled(l.id, l.title[lang]), value: l.id })),
          typed,
        )
      : [];
  }
  return [];
}

/** Those whose value or name contains what was typed, case-insensitively, within Discord's limits. */
function matching(all: Suggestion[], typed: string): Suggestion[] {
  const wanted = typed.trim().toLowerCase();
  return all
    .filter((s) => s.value.length <= CHOICE_MAX && `${s.value} ${s.name}`.toLowerCase().includes(wanted))
    .slice(0, MAX_CHOICES);
}

const titled = (id: string, title: string) => {
  const name = `${id} · ${title}`;
  return name.length <= CHOICE_MAX ? name : `${name.slice(0, CHOICE_MAX - 1)}…`;
};
