/** The pod every patch test starts from: two labels, two containers, one port. */
export const POD = {
  metadata: { name: 'kubia', labels: { run: 'kubia', env: 'prod' } },
  spec: {
    containers: [
      { name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080, protocol: 'TCP' }] },
      { name: 'side', image: 'busybox' },
    ],
  },
};
