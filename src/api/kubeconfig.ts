import { kubeconfigV1, type MemberKubeconfigInput, memberKubeconfig } from '../kubectl/kubeconfig.ts';
import { goYaml } from '../kubectl/printers/go-yaml.ts';

/**
 * The kubeconfig `/sandbox kubeconfig` hands a member (src/kubectl/kubeconfig.ts says what is in
 * it), written as `kubectl config view --raw` would print it. The CA is inlined when Podium serves
 * TLS itself; behind a reverse proxy with a public certificate there is none to carry.
 */
export type KubeconfigInput = MemberKubeconfigInput;

export const kubeconfigText = (input: KubeconfigInput): string =>
  goYaml(kubeconfigV1(memberKubeconfig(input), true));
