import { masterEipRequestSchema, type MasterEipRequest } from '../../../contract/clusters.ts';
import { CERT_DURATION_MAXIMUM, certDurationBodySchema, type CertDurationBody } from '../../../contract/kubeconfig.ts';
import { ApiError } from '../../shared/api/api-error.ts';
import { apiErrorToFieldErrors, issuesToFieldErrors, type FieldErrors } from '../../shared/forms/field-errors.ts';

/** The bind dialog: the EIP to bind. */
export interface BindEipForm {
  eipId: string;
}

/** The kubeconfig form: a validity in days, or the maximum. */
export interface KubeconfigForm {
  days: number | string;
  maximum: boolean;
}

/** EIP IDs are UUIDs (the reference's example: `a757a69e-f920-455a-b1ba-d7a22db0fd51`). */
const EIP_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function bindEipRequest(values: BindEipForm): MasterEipRequest {
  return { spec: { action: 'bind', spec: { id: values.eipId.trim() } } };
}

export function certRequest(values: KubeconfigForm): CertDurationBody {
  // An empty field is no number: the schema refuses it.
  return { duration: values.maximum ? CERT_DURATION_MAXIMUM : values.days === '' ? Number.NaN : Number(values.days) };
}

/** `spec.spec.id` (the simulator's and CCE's message prefix, or the BFF's `body.spec.spec.id`) → the ID field. */
const fieldOfBindPath = (path: string): keyof BindEipForm | undefined => (/(^|\.)spec\.spec\.id$/.test(path) ? 'eipId' : undefined);
const fieldOfCertPath = (path: string): keyof KubeconfigForm | undefined => (path === 'duration' ? 'days' : undefined);

/**
 * Validates with the contract's bind request schema (the ID is mandatory for bind), then the shape
 * of an EIP ID, so a typo is caught before anything is sent. Messages are the console's own, in the
 * operator's language.
 */
export function validateBindEip(messages: { required: string; format: string }) {
  return (values: BindEipForm): FieldErrors<keyof BindEipForm> => {
    const parsed = masterEipRequestSchema.safeParse(bindEipRequest(values));
    if (!parsed.success) return issuesToFieldErrors(parsed.error.issues, fieldOfBindPath, () => messages.required);
    return EIP_ID.test(values.eipId.trim()) ? {} : { eipId: messages.format };
  };
}

/** Validates with the contract's certificate body schema: 1–1827 whole days, or the maximum. */
export function validateKubeconfig(message: string) {
  return (values: KubeconfigForm): FieldErrors<keyof KubeconfigForm> => {
    const parsed = certDurationBodySchema.safeParse(certRequest(values));
    return parsed.success ? {} : issuesToFieldErrors(parsed.error.issues, fieldOfCertPath, () => message);
  };
}

/**
 * A refusal of a bind that concerns the EIP typed (unknown, already bound elsewhere: the message
 * starts with `spec.spec.id:`). Anything else (cluster busy, already has an EIP) is about the cluster.
 */
export function bindEipErrorsOf(error: unknown): FieldErrors<keyof BindEipForm> {
  return error instanceof ApiError ? apiErrorToFieldErrors(error, fieldOfBindPath) : {};
}

/** A refusal of the certificate that concerns its validity (`duration: …`, e.g. past the five years from today). */
export function kubeconfigErrorsOf(error: unknown): FieldErrors<keyof KubeconfigForm> {
  return error instanceof ApiError ? apiErrorToFieldErrors(error, fieldOfCertPath) : {};
}
