import { VisuallyHidden } from '@mantine/core';
import { useId, type MouseEvent, type ReactElement } from 'react';
import type { Capability } from '../../../contract/console-api.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { Tooltip } from '../ui/tooltip.tsx';
import { useCan, useSession } from './session.ts';
import '../i18n/shared-messages.ts';

/** What a gated control spreads on itself when the role may not use it. */
export interface GatedControlProps {
  /** Only while the session (so the role) is not known yet. */
  disabled?: true;
  'aria-disabled'?: true;
  'aria-describedby'?: string;
  'data-disabled'?: true;
  onClick?: (event: MouseEvent<HTMLElement>) => void;
}

export interface GateState {
  /** The role may not use the control. */
  disabled: boolean;
  /**
   * Spread last on the control: when the role may not use it, `aria-disabled` (the control stays
   * focusable, so keyboard and screen-reader users reach it), the reason as its description, the
   * disabled look, and clicks that do nothing. Empty when the role may.
   */
  controlProps: GatedControlProps;
}

function ignoreClick(event: MouseEvent<HTMLElement>) {
  event.preventDefault();
  event.stopPropagation();
}

/**
 * Renders a control as usual when the role allows it; otherwise disabled-but-focusable, with the
 * reason said three ways: as its accessible description (screen readers), and in a tooltip on hover
 * and on keyboard focus. An operator learns what their role cannot do before clicking, not from a 403.
 */
export function PermissionGate({ capability, children }: { capability: Capability; children: (state: GateState) => ReactElement }) {
  const allowed = useCan(capability);
  const session = useSession();
  const { t } = useI18n();
  const reasonId = useId();
  if (allowed) return children({ disabled: false, controlProps: {} });
  // The role is not known yet (the session is loading): inert, and nothing to explain.
  if (!session) return children({ disabled: true, controlProps: { disabled: true } });
  const reason = t(capability === 'administer' ? 'roles.cannotAdminister' : 'roles.cannotOperate', { role: t(`roles.${session.role}`) });
  return (
    <Tooltip label={reason}>
      <span style={{ display: 'inline-block', cursor: 'not-allowed' }}>
        {children({ disabled: true, controlProps: { 'aria-disabled': true, 'aria-describedby': reasonId, 'data-disabled': true, onClick: ignoreClick } })}
        <VisuallyHidden id={reasonId}>{reason}</VisuallyHidden>
      </span>
    </Tooltip>
  );
}
