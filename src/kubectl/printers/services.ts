import type { Cluster, Service } from '../../cluster/model.ts';
import { serviceEndpoints } from '../../cluster/services.ts';
import { describeWriter, writeAnnotations, writeLabels } from './describe-writer.ts';
import { type LabelColumns, labelCells, labelHeaders } from './labels.ts';
import { age } from './pods.ts';

/** printers.go serviceColumnDefinitions / printService (SELECTOR is the wide column). */
export function serviceTable(
  services: readonly Service[],
  now: number,
  opts: LabelColumns & { wide: boolean; withNamespace: boolean },
): string[][] {
  const header = [
    ...(opts.withNamespace ? ['NAMESPACE'] : []),
    'NAME',
    'TYPE',
    'CLUSTER-IP',
    'EXTERNAL-IP',
    'PORT(S)',
    'AGE',
    ...(opts.wide ? ['SELECTOR'] : []),
    ...labelHeaders(opts),
  ];
  const rows = services.map((s) => [
    ...(opts.withNamespace ? [s.metadata.namespace] : []),
    s.metadata.name,
    s.spec.type,
    s.spec.clusterIP,
    '<none>',
    s.spec.ports.map((p) => `${p.port}/${p.protocol}`).join(',') || '<none>',
    age(s.metadata.creationTimestamp, now),
    ...(opts.wide ? [selectorText(s.spec.selector)] : []),
    ...labelCells(s.metadata.labels, opts),
  ]);
  return [header, ...rows];
}

/** labels.FormatLabels: sorted `k=v` pairs, `<none>` for none. */
const selectorText = (selector: Record<string, string>): string =>
  Object.keys(selector)
    .sort()
    .map((k) => `${k}=${selector[k]}`)
    .join(',') || '<none>';

/** describe.go describeService, as of v1.34 (endpoints from the Service's EndpointSlices). */
export function describeService(
  service: Service,
  cluster: Pick<Cluster, 'nodes'>,
  showEvents: boolean,
): string {
  const w = describeWriter();
  const { metadata, spec } = service;
  w.write(0, `Name:\t${metadata.name}\n`);
  w.write(0, `Namespace:\t${metadata.namespace}\n`);
  writeLabels(w, 'Labels', metadata.labels);
  writeAnnotations(w, metadata.annotations);
  w.write(0, `Selector:\t${selectorText(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type}\n`);
  w.write(0, 'IP Family Policy:\tSingleStack\n');
  w.write(0, 'IP Families:\tIPv4\n');
  w.write(0, `IP:\t${spec.clusterIP}\n`);
  w.write(0, `IPs:\t${spec.clusterIP}\n`);
  const endpoints = serviceEndpoints(service, cluster);
  for (const port of spec.ports) {
    w.write(0, `Port:\t${port.name ?? '<unset>'}\t${port.port}/${port.protocol}\n`);
    w.write(0, `TargetPort:\t${port.targetPort}/${port.protocol}\n`);
    w.write(0, `Endpoints:\t${endpoints.length === 0 ? '<none>' : endpoints.slice(0, 3).join(',')}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity}\n`);
  w.write(0, 'Internal Traffic Policy:\tCluster\n');
  // The Service has no events of its own: DescribeEvents prints `<none>`.
  if (showEvents) w.write(0, 'Events:\t<none>\n');
  return w.text();
}
