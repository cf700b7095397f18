/**
 * The CCE error-code table of the API reference (§7.2 "Error Codes", seed L19897–L19960), every row,
 * verbatim. Every operation's "Error Codes" section only says "See Error Codes": the reference maps no
 * code to an operation, so the simulator picks codes from here (see `clusterErrorCodes` and the other
 * resource modules) and the console looks messages and troubleshooting hints up by code.
 *
 * The prefix after `CCE.` is `01`, `02` or `03` followed by the HTTP status and a sequence number; the
 * reference never says what `01`/`02`/`03` denote (the `03` rows mention the storage add-on and add-on
 * instances). Codes starting with `APIGW` come from the API gateway and are not listed in the reference.
 */
export const CCE_ERROR_CODES = {
  'CCE.01400001': {
    status: 400,
    message: 'Invalid request.',
    description: 'Invalid request body.',
    troubleshooting: 'Modify the request body based on the returned message and the CCE API documentation, or contact technical support.',
  },
  'CCE.01400002': {
    status: 400,
    message: 'Subnet not found in the VPC.',
    description: 'No subnet is found in the VPC.',
    troubleshooting: 'Check whether the subnet in the request body is in the corresponding VPC.',
  },
  'CCE.01400003': {
    status: 400,
    message: 'IPv6 not supported for the subnet.',
    description: 'The subnet does not support IPv6.',
    troubleshooting: 'Use a subnet that supports IPv6.',
  },
  'CCE.01400004': {
    status: 400,
    message: 'No available flavors for master nodes.',
    description: 'There is no available flavor for the master node.',
    troubleshooting: 'Change to another available cluster flavor or contact technical support.',
  },
  'CCE.01400005': {
    status: 400,
    message: 'Container network CIDR blocks conflict.',
    description: 'The container CIDR block conflicts with the existing one.',
    troubleshooting: 'Check the container CIDR block based on the returned message.',
  },
  'CCE.01400006': {
    status: 400,
    message: 'Content type not supported.',
    description: 'The content type is invalid.',
    troubleshooting: 'Use the supported content type by referring to the CCE API documentation.',
  },
  'CCE.01400007': {
    status: 400,
    message: 'Insufficient cluster quota.',
    description: 'Insufficient cluster quota.',
    troubleshooting: 'Submit a service ticket to increase the cluster quota.',
  },
  'CCE.01400008': {
    status: 400,
    message: 'Insufficient server quota',
    description: 'Insufficient ECS quota.',
    troubleshooting: 'Submit a service ticket to increase the ECS quota.',
  },
  'CCE.01400009': {
    status: 400,
    message: 'Insufficient CPU quota.',
    description: 'Insufficient ECS CPU quota.',
    troubleshooting: 'Submit a service ticket to increase the ECS CPU quota.',
  },
  'CCE.01400010': {
    status: 400,
    message: 'Insufficient memory quota.',
    description: 'Insufficient ECS memory quota.',
    troubleshooting: 'Submit a service ticket to increase the ECS memory quota.',
  },
  'CCE.01400011': {
    status: 400,
    message: 'Insufficient security group quota.',
    description: 'Insufficient security group quota.',
    troubleshooting: 'Submit a service ticket to increase the security group quota.',
  },
  'CCE.01400012': {
    status: 400,
    message: 'Insufficient EIP quota.',
    description: 'Insufficient EIP quota.',
    troubleshooting: 'Submit a service ticket to increase the EIP quota.',
  },
  'CCE.01400013': {
    status: 400,
    message: 'Insufficient volume quota.',
    description: 'Insufficient disk quota.',
    troubleshooting: 'Submit a service ticket to increase the disk quota based on the returned message.',
  },
  'CCE.01400014': {
    status: 400,
    message: 'Excessive nodes in the cluster.',
    description: 'The number of nodes exceeds the cluster scale.',
    troubleshooting: 'Submit a service ticket to change the cluster flavor.',
  },
  'CCE.01400015': {
    status: 400,
    message: 'Version not supported.',
    description: 'The cluster version is not supported.',
    troubleshooting: 'Create a cluster of the supported version based on the returned message.',
  },
  'CCE.01400016': {
    status: 400,
    message: 'Current cluster type does not support this node flavor.',
    description: 'The current cluster type does not support this node flavor.',
    troubleshooting: 'Use the correct node flavor based on the returned message.',
  },
  'CCE.01400017': {
    status: 400,
    message: 'No available container CIDR block found.',
    description: 'No available container CIDR block is found.',
    troubleshooting: 'Use a correct container CIDR block based on the returned message.',
  },
  'CCE.01400018': {
    status: 400,
    message: 'This type of OS cannot be created in this CCE version.',
    description: 'The current CCE version does not support this type of OS.',
    troubleshooting: 'Use a supported OS based on the returned message.',
  },
  'CCE.01400019': {
    status: 400,
    message: 'Insufficient resource tenant quota.',
    description: 'The quota of the resource tenant is insufficient.',
    troubleshooting: 'Rectify the fault based on the returned message or contact technical support.',
  },
  'CCE.01400020': {
    status: 400,
    message: 'Insufficient VPC quota.',
    description: 'Insufficient VPC quota.',
    troubleshooting: 'Rectify the fault based on the returned message or contact technical support.',
  },
  'CCE.01400021': {
    status: 400,
    message: 'No available flavors for nodes.',
    description: 'There is no available flavor for the node.',
    troubleshooting: 'Change to another available node flavor or contact technical support.',
  },
  'CCE.01400022': {
    status: 400,
    message: 'No available node volumes for nodes.',
    description: 'There is no available EVS disk flavor for the node.',
    troubleshooting: 'Change to another available EVS disk flavor or contact technical support.',
  },
  'CCE.02400001': {
    status: 400,
    message: 'Invalid request.',
    description: 'Invalid request body.',
    troubleshooting: 'Modify the request body based on the returned message and the CCE API documentation, or contact technical support.',
  },
  'CCE.03400001': {
    status: 400,
    message: 'Invalid request.',
    description: 'Invalid request body.',
    troubleshooting: 'Modify the request body based on the returned message and the CCE API documentation, or contact technical support.',
  },
  'CCE.03400002': {
    status: 400,
    message: 'Missing access key.',
    description: 'The access key is missing.',
    troubleshooting: 'Ensure that the version of the installed or upgraded storage add-on is correct, or contact technical support.',
  },
  'CCE.01401001': {
    status: 401,
    message: 'Authorization failed.',
    description: 'Authentication failed.',
    troubleshooting: 'Rectify the fault based on the returned message or contact technical support.',
  },
  'CCE.02401001': {
    status: 401,
    message: 'Authorization failed.',
    description: 'Authentication failed.',
    troubleshooting: 'Rectify the fault based on the returned message or contact technical support.',
  },
  'CCE.03401001': {
    status: 401,
    message: 'Authorization failed.',
    description: 'Authentication failed.',
    troubleshooting: 'Rectify the fault based on the returned message or contact technical support.',
  },
  'CCE.01403001': {
    status: 403,
    message: 'Forbidden.',
    description: 'Access denied.',
    troubleshooting: 'Rectify the fault based on the returned message or contact technical support.',
  },
  'CCE.02403001': {
    status: 403,
    message: 'Forbidden.',
    description: 'Access denied.',
    troubleshooting: 'Rectify the fault based on the returned message or contact technical support.',
  },
  'CCE.03403001': {
    status: 403,
    message: 'Forbidden.',
    description: 'Access denied.',
    troubleshooting: 'Rectify the fault based on the returned message or contact technical support.',
  },
  'CCE.01404001': {
    status: 404,
    message: 'Resource not found.',
    description: 'Resources not found.',
    troubleshooting: 'Check whether the resource to be accessed has been deleted.',
  },
  'CCE.02404001': {
    status: 404,
    message: 'Resource not found.',
    description: 'Resources not found.',
    troubleshooting: 'Check whether the resource to be accessed has been deleted.',
  },
  'CCE.03404001': {
    status: 404,
    message: 'Resource not found.',
    description: 'Resources not found.',
    troubleshooting: 'Check whether the resource to be accessed has been deleted.',
  },
  'CCE.01409001': {
    status: 409,
    message: 'The resource already exists.',
    description: 'The resource already exists.',
    troubleshooting: 'Delete the resource and try again.',
  },
  'CCE.01409002': {
    status: 409,
    message: 'Resource updated with out-of-date version.',
    description: 'An out-of-date version is used to update the target resource.',
    troubleshooting: 'Ensure that the target resource version is the latest one or contact technical support.',
  },
  'CCE.02409001': {
    status: 409,
    message: 'The resource already exists.',
    description: 'The resource already exists.',
    troubleshooting: 'Delete the resource and try again.',
  },
  'CCE.03409001': {
    status: 409,
    message: 'Addon instance has installed.',
    description: 'The add-on instance has been installed.',
    troubleshooting: 'Delete the add-on instance and install it again.',
  },
  'CCE.01429002': {
    status: 429,
    message: 'Resource locked by other requests.',
    description: 'The resource is locked by another request.',
    troubleshooting: 'Rectify the fault based on the returned message or contact technical support.',
  },
  'CCE.02429001': {
    status: 429,
    message: 'The throttling threshold has been reached.',
    description: 'The maximum number of requests has been reached.',
    troubleshooting: 'Reduce the frequency of sending requests or contact technical support.',
  },
  'CCE.01500001': {
    status: 500,
    message: 'Internal error.',
    description: 'Internal error.',
    troubleshooting: 'Rectify the fault based on the returned message or contact technical support.',
  },
  'CCE.02500001': {
    status: 500,
    message: 'Internal error.',
    description: 'Internal error.',
    troubleshooting: 'Rectify the fault based on the returned message or contact technical support.',
  },
  'CCE.03500001': {
    status: 500,
    message: 'Internal error.',
    description: 'Internal error.',
    troubleshooting: 'Rectify the fault based on the returned message or contact technical support.',
  },
} as const satisfies Record<string, CceErrorCodeInfo>;

export interface CceErrorCodeInfo {
  /** HTTP status the code is returned with. */
  status: 400 | 401 | 403 | 404 | 409 | 429 | 500;
  /** The "Error Message" column: what `errorMessage` carries. */
  message: string;
  /** The "Description" column. */
  description: string;
  /** The "Troubleshooting" column, shown to an operator next to the error. */
  troubleshooting: string;
}

export type CceErrorCode = keyof typeof CCE_ERROR_CODES;

export function isCceErrorCode(code: string): code is CceErrorCode {
  return Object.hasOwn(CCE_ERROR_CODES, code);
}

/**
 * The error body of a documented code in the CCE-specific shape of §7.2
 * (`{"errorCode": …, "errorMessage": …}`), with the status to send it with. `detail` is appended to the
 * table's message, the way the reference's troubleshooting hints expect ("based on the returned message").
 */
export function cceErrorResponse(
  code: CceErrorCode,
  detail?: string,
): { status: CceErrorCodeInfo['status']; body: { errorCode: CceErrorCode; errorMessage: string } } {
  const info: CceErrorCodeInfo = CCE_ERROR_CODES[code];
  return {
    status: info.status,
    body: { errorCode: code, errorMessage: detail ? `${info.message} ${detail}` : info.message },
  };
}
