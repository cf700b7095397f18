import type { ReactElement } from 'react';
import type { Capability } from '../../../contract/console-api.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { Tooltip } from '../ui/tooltip.tsx';
import { useCan, useSession } from './session.ts';
import '../i18n/shared-messages.ts';

/**
 * Renders a control as usual when the role allows it; otherwise disabled, with the reason on hover
 * and focus — an operator learns what their role cannot do before clicking, not from a 403 after.
 * The child must accept `disabled` (Mantine buttons do).
 */
export function PermissionGate({ capability, children }: { capability: Capability; children: (state: { disabled: boolean }) => ReactElement }) {
  const allowed = useCan(capability);
  const session = useSession();
  const { t } = useI18n();
  if (allowed) return children({ disabled: false });
  const reason = t(capability === 'administer' ? 'roles.cannotAdminister' : 'roles.cannotOperate', { role: session ? t(`roles.${session.role}`) : '—' });
  return (
    <Tooltip label={reason}>
      <span tabIndex={0} style={{ display: 'inline-block', cursor: 'not-allowed' }}>
        {children({ disabled: true })}
      </span>
    </Tooltip>
  );
}
