import { z } from 'zod';
import { itemsList } from './common.ts';

/**
 * Certificate validity in days: 1–1827 (five years; the real upper limit is 1826 or 1827 depending on
 * leap years), or -1 for the five-year maximum. Clusters of v1.13 and later only.
 */
export const CERT_DURATION_MIN_DAYS = 1;
export const CERT_DURATION_MAX_DAYS = 1827;
/** `duration: -1` asks for the maximum validity (five years). */
export const CERT_DURATION_MAXIMUM = -1;

const CERT_DURATION_MESSAGE = `duration must be a whole number of days from ${CERT_DURATION_MIN_DAYS} to ${CERT_DURATION_MAX_DAYS}, or ${CERT_DURATION_MAXIMUM} for the maximum (5 years)`;

/** Body of `CreateAutopilotKubernetesClusterCert` (`CertDuration`). */
export const certDurationBodySchema = z.object({
  /** Validity of the certificate in days, or -1 for five years. */
  duration: z
    .number({ error: CERT_DURATION_MESSAGE })
    .int(CERT_DURATION_MESSAGE)
    .refine((d) => d === CERT_DURATION_MAXIMUM || (d >= CERT_DURATION_MIN_DAYS && d <= CERT_DURATION_MAX_DAYS), CERT_DURATION_MESSAGE),
});
export type CertDurationBody = z.infer<typeof certDurationBodySchema>;

/**
 * The fixed names a kubeconfig of the reference uses. Without a public EIP there is one cluster
 * `internalCluster` and one context `internal`; with one, the external entries are `externalCluster`
 * (with `insecure-skip-tls-verify: true`) and `external`, and `current-context` is `external`.
 */
// AMBIG (digest §4.6, §9 item 11): with an EIP the reference says only "at least two clusters" and
// names the external ones; chose to keep the internal entries as well, since the private address
// stays valid when an EIP is bound.
export const KUBECONFIG_NAMES = {
  internalCluster: 'internalCluster',
  externalCluster: 'externalCluster',
  internalContext: 'internal',
  externalContext: 'external',
  user: 'user',
} as const;

/**
 * Response of `CreateAutopilotKubernetesClusterCert`: a Kubernetes v1 `Config` (kubeconfig) as JSON,
 * with the upstream's kebab-case keys. It holds a client private key: treat it as a secret (offer it
 * as a download, never log it).
 */
export const kubeconfigSchema = z.looseObject({
  /** Fixed at `Config`. */
  kind: z.string().optional(),
  /** Fixed at `v1`. */
  apiVersion: z.string().optional(),
  /** Not used; `{}`. */
  preferences: z.looseObject({}).nullish(),
  clusters: itemsList(
    z.looseObject({
      /** `internalCluster` or `externalCluster`. */
      name: z.string().optional(),
      cluster: z
        .looseObject({
          /** API server URL, e.g. `https://192.168.1.7:5443`. */
          server: z.string().optional(),
          /** Base64 PEM of the cluster CA. */
          'certificate-authority-data': z.string().optional(),
          /** True for `externalCluster`. */
          'insecure-skip-tls-verify': z.boolean().optional(),
        })
        .optional(),
    }),
  ),
  users: itemsList(
    z.looseObject({
      /** Fixed at `user`. */
      name: z.string().optional(),
      user: z
        .looseObject({
          /** Base64 PEM client certificate. */
          'client-certificate-data': z.string().optional(),
          /** Base64 PEM client private key. */
          'client-key-data': z.string().optional(),
        })
        .optional(),
    }),
  ),
  contexts: itemsList(
    z.looseObject({
      /** `internal` or `external`. */
      name: z.string().optional(),
      context: z
        .looseObject({
          /** Name of an entry of `clusters`. */
          cluster: z.string().optional(),
          /** Name of an entry of `users`. */
          user: z.string().optional(),
        })
        .optional(),
    }),
  ),
  /** `external` when the cluster has a public EIP, else `internal`. */
  'current-context': z.string().optional(),
});
export type Kubeconfig = z.infer<typeof kubeconfigSchema>;

/** Response header of the certificate operation: "Port ID of the cluster master node". */
export const PORT_ID_HEADER = 'Port-ID';
