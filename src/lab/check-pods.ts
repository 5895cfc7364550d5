import { findImage, parseImage } from '../cluster/images.ts';
import { matchesSelector, type Selector } from '../cluster/labels/selector.ts';
import { podStatus, statusColumn } from '../cluster/lifecycle.ts';
import type { Cluster, CreatedVia, Labels } from '../cluster/model.ts';
import { fact, findPod, hasPairs, NONE, names, noPod, onPod, pairs, pick, result } from './facts.ts';
import type { CheckResult } from './model.ts';

/**
 * Check kinds about pods, their spec and metadata. Each is a pure function of the loaded sandbox
 * and its parameters, and says what it expected and what it found, so a failed check teaches.
 */
export interface Scope {
  namespace: string;
}

const VIA_WORDS: Record<CreatedVia, string> = {
  run: 'kubectl run',
  create: 'kubectl create -f',
  apply: 'kubectl apply -f',
};

export function podCreatedVia(cluster: Cluster, p: Scope & { pod: string; via: CreatedVia[] }): CheckResult {
  const expected = fact('lab.fact.createdVia', {
    pod: p.pod,
    via: p.via.map((v) => VIA_WORDS[v]).join(' / '),
  });
  return onPod(cluster, p, expected, (pod) => ({
    passed: p.via.includes(pod.sim.createdVia),
    actual: fact('lab.fact.createdVia', { pod: p.pod, via: VIA_WORDS[pod.sim.createdVia] }),
  }));
}

/** The pod is Running and every container is ready (what `READY n/n  Running` shows). */
export function podRunning(cluster: Cluster, p: Scope & { pod: string }): CheckResult {
  const pod = findPod(cluster, p.namespace, p.pod);
  const total = pod?.spec.containers.length ?? 1;
  const expected = fact('lab.fact.podStatus', { pod: p.pod, status: 'Running', ready: `${total}/${total}` });
  if (pod === undefined) return result(false, expected, noPod(p.namespace, p.pod));
  const status = podStatus(pod, cluster.now);
  const ready = status.containers.filter((c) => c.ready).length;
  const actual = fact('lab.fact.podStatus', {
    pod: p.pod,
    status: statusColumn(status),
    ready: `${ready}/${total}`,
  });
  return result(status.phase === 'Running' && ready === total, expected, actual);
}

export function containerCount(cluster: Cluster, p: Scope & { pod: string; count: number }): CheckResult {
  const expected = fact('lab.fact.containerCount', { pod: p.pod, count: p.count });
  return onPod(cluster, p, expected, (pod) => {
    const containers = pod.spec.containers.map((c) => c.name);
    return {
      passed: containers.length === p.count,
      actual: fact('lab.fact.containers', {
        pod: p.pod,
        count: containers.length,
        names: containers.join(', '),
      }),
    };
  });
}

export function containerPort(cluster: Cluster, p: Scope & { pod: string; port: number }): CheckResult {
  const expected = fact('lab.fact.declaresPort', { pod: p.pod, port: p.port });
  return onPod(cluster, p, expected, (pod) => {
    const ports = pod.spec.containers.flatMap((c) => c.ports.map((port) => port.containerPort));
    return {
      passed: ports.includes(p.port),
      actual: fact('lab.fact.declaredPorts', {
        pod: p.pod,
        ports: ports.length === 0 ? NONE : ports.join(', '),
      }),
    };
  });
}

/** Some container runs the image, whatever registry or tag the member wrote. */
export function containerImage(cluster: Cluster, p: Scope & { pod: string; image: string }): CheckResult {
  const expected = fact('lab.fact.runsImage', { pod: p.pod, image: p.image });
  const wanted = findImage(p.image)?.repository ?? parseImage(p.image).repository;
  return onPod(cluster, p, expected, (pod) => {
    const images = pod.spec.containers.map((c) => c.image);
    return {
      passed: images.some((image) => parseImage(image).repository === wanted),
      actual: fact('lab.fact.images', { pod: p.pod, images: images.join(', ') }),
    };
  });
}

export function podLabels(
  cluster: Cluster,
  p: Scope & { pod: string; labels: Record<string, string | null> },
): CheckResult {
  const expected = fact('lab.fact.labels', { pod: p.pod, labels: pairs(p.labels) });
  return onPod(cluster, p, expected, (pod) => ({
    passed: hasPairs(pod.metadata.labels, p.labels),
    actual: fact('lab.fact.labels', { pod: p.pod, labels: pairs(pod.metadata.labels) }),
  }));
}

export function podAnnotations(
  cluster: Cluster,
  p: Scope & { pod: string; annotations: Labels },
): CheckResult {
  const expected = fact('lab.fact.annotations', { pod: p.pod, annotations: pairs(p.annotations) });
  return onPod(cluster, p, expected, (pod) => ({
    passed: hasPairs(pod.metadata.annotations, p.annotations),
    actual: fact('lab.fact.annotations', {
      pod: p.pod,
      annotations: pairs(pick(pod.metadata.annotations, Object.keys(p.annotations))),
    }),
  }));
}

export function podNodeSelector(cluster: Cluster, p: Scope & { pod: string; labels: Labels }): CheckResult {
  const expected = fact('lab.fact.nodeSelector', { pod: p.pod, selector: pairs(p.labels) });
  return onPod(cluster, p, expected, (pod) => ({
    passed: hasPairs(pod.spec.nodeSelector, p.labels),
    actual: fact('lab.fact.nodeSelector', { pod: p.pod, selector: pairs(pod.spec.nodeSelector) }),
  }));
}

/** Scheduled onto a node that carries the labels, and Running there. */
export function podOnNode(cluster: Cluster, p: Scope & { pod: string; nodeLabels: Labels }): CheckResult {
  const labels = pairs(p.nodeLabels);
  const expected = fact('lab.fact.onNode', { pod: p.pod, labels });
  return onPod(cluster, p, expected, (pod) => {
    const node = cluster.nodes.find((n) => n.metadata.name === pod.spec.nodeName);
    if (node === undefined) {
      const labelled = cluster.nodes.filter((n) => hasPairs(n.metadata.labels, p.nodeLabels));
      const nodes = names(labelled.map((n) => n.metadata.name));
      return { passed: false, actual: fact('lab.fact.unscheduled', { pod: p.pod, labels, nodes }) };
    }
    const status = podStatus(pod, cluster.now);
    return {
      passed: hasPairs(node.metadata.labels, p.nodeLabels) && status.phase === 'Running',
      actual: fact('lab.fact.onNodeActual', {
        pod: p.pod,
        status: statusColumn(status),
        node: node.metadata.name,
        labels: pairs(pick(node.metadata.labels, Object.keys(p.nodeLabels))),
      }),
    };
  });
}

export function podAbsent(cluster: Cluster, p: Scope & { pod: string }): CheckResult {
  const expected = noPod(p.namespace, p.pod);
  const pod = findPod(cluster, p.namespace, p.pod);
  if (pod === undefined) return result(true, expected, expected);
  const status = statusColumn(podStatus(pod, cluster.now));
  return result(false, expected, fact('lab.fact.stillThere', { pod: p.pod, status }));
}

/** The selector picks exactly these pods (or exactly this many) in the namespace. */
export function selectorMatches(
  cluster: Cluster,
  p: Scope & { selector: Selector; text: string; pods?: string[]; count?: number },
): CheckResult {
  const matched = cluster.pods
    .filter(
      (pod) => pod.metadata.namespace === p.namespace && matchesSelector(p.selector, pod.metadata.labels),
    )
    .map((pod) => pod.metadata.name);
  const selects = (list: readonly string[]) =>
    fact('lab.fact.selects', { selector: p.text, namespace: p.namespace, pods: names(list) });
  if (p.pods === undefined) {
    const count = p.count ?? 0;
    const expected = fact('lab.fact.selectsCount', { selector: p.text, namespace: p.namespace, count });
    return result(matched.length === count, expected, selects(matched));
  }
  const wanted = new Set(p.pods);
  const passed = matched.length === wanted.size && matched.every((name) => wanted.has(name));
  return result(passed, selects(p.pods), selects(matched));
}

export function namespaceExists(cluster: Cluster, p: Scope): CheckResult {
  const expected = fact('lab.fact.namespace', { namespace: p.namespace });
  const found = cluster.namespaces.some((n) => n.metadata.name === p.namespace);
  return result(found, expected, found ? expected : fact('lab.fact.noNamespace', { namespace: p.namespace }));
}

/** No pod is left in the namespace (the namespace itself may stay). */
export function namespaceEmpty(cluster: Cluster, p: Scope): CheckResult {
  const left = cluster.pods
    .filter((pod) => pod.metadata.namespace === p.namespace)
    .map((pod) => pod.metadata.name);
  const expected = fact('lab.fact.podsIn', { namespace: p.namespace, pods: NONE });
  return result(
    left.length === 0,
    expected,
    fact('lab.fact.podsIn', { namespace: p.namespace, pods: names(left) }),
  );
}
