import fc from 'fast-check';

/**
 * A grammar of the kubectl surface members use, with names drawn from small pools so commands
 * collide (same pod twice, delete what is gone, label what exists) as they do in practice.
 */
const podName = fc.constantFrom('kubia', 'web', 'db', 'sidecar', 'Bad_Name', 'a'.repeat(70), 'x');
const image = fc.constantFrom('luksa/kubia', 'nginx', 'busybox', 'redis', 'nope/nothing', '');
const key = fc.constantFrom('app', 'env', 'tier', 'gpu', 'bad key', 'example.com/team', '-x');
const value = fc.constantFrom('prod', 'dev', 'true', 'a b', '', 'v1.2', '-');
const namespace = fc.constantFrom('default', 'kube-system', 'team-a', 'nope', 'Bad_NS');
const selector = fc.constantFrom(
  'app=kubia',
  'env!=prod',
  "'env in (prod,dev)'",
  '!env',
  'env',
  'x in (a',
  'a/b/c=x',
  'gpu=true',
);
const node = fc.constantFrom('node01', 'node02', 'node03', 'controlplane', 'nonode');

const manifest = fc
  .tuple(podName, image, fc.constantFrom(8080, 80, 0, 70000), key, value, namespace)
  .map(
    ([name, img, port, k, v, ns]) =>
      `kubectl create -f -\n\`\`\`yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n  labels:\n    ${JSON.stringify(k)}: ${JSON.stringify(v)}\nspec:\n  containers:\n  - name: main\n    image: ${JSON.stringify(img)}\n    ports:\n    - containerPort: ${port}\n\`\`\``,
  );

export const kubectlLine: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(podName, image).map(([n, i]) => `kubectl run ${n} --image=${i}`),
  fc
    .tuple(podName, image, key, value)
    .map(([n, i, k, v]) => `kubectl run ${n} --image=${i} --labels=${k}=${v}`),
  fc.tuple(podName, namespace).map(([n, ns]) => `kubectl run ${n} --image=nginx -n ${ns}`),
  podName.map((n) => `kubectl delete po ${n}`),
  selector.map((s) => `kubectl delete po -l ${s}`),
  fc.constant('kubectl delete po --all'),
  namespace.map((ns) => `kubectl create namespace ${ns}`),
  namespace.map((ns) => `kubectl delete ns ${ns}`),
  fc.tuple(podName, key, value).map(([n, k, v]) => `kubectl label po ${n} '${k}=${v}'`),
  fc.tuple(podName, key, value).map(([n, k, v]) => `kubectl label po ${n} '${k}=${v}' --overwrite`),
  fc.tuple(podName, key).map(([n, k]) => `kubectl label po ${n} '${k}-'`),
  fc.tuple(node, key, value).map(([n, k, v]) => `kubectl label node ${n} '${k}=${v}'`),
  fc.tuple(podName, key, value).map(([n, k, v]) => `kubectl annotate po ${n} '${k}=${v}'`),
  selector.map((s) => `kubectl get po -l ${s}`),
  podName.map((n) => `kubectl get po ${n} -o yaml`),
  podName.map((n) => `kubectl describe po ${n}`),
  podName.map((n) => `kubectl logs ${n}`),
  podName.map((n) => `kubectl exec ${n} -- hostname`),
  podName.map((n) => `kubectl port-forward ${n} 8888:8080`),
  manifest,
);

/** Commands that act on at most one object: when they fail, nothing may have changed. */
export const singleObjectLine: fc.Arbitrary<string> = kubectlLine.filter(
  (l) => !/ -l | --all|^kubectl delete ns/.test(l),
);
