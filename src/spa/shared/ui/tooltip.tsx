import {
  cloneElement,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type HTMLAttributes,
  type KeyboardEvent,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import classes from './tooltip.module.css';

type TriggerProps = HTMLAttributes<HTMLElement>;

const GAP = 6;
const MARGIN = 8;

/**
 * A tooltip for a focusable element: opens on hover and on keyboard focus (and so on tap), closes on
 * leave, blur, Escape and scroll, and describes its trigger through `aria-describedby`.
 *
 * Not Mantine's Tooltip: that one brings floating-ui and Mantine's transition machinery, about
 * 17 KB gzip on the first page, which the 200 KB first-page budget cannot carry beside React, the
 * router and zod. This one places itself once when it opens (above the trigger, below when there is
 * no room, kept inside the viewport) and closes rather than follows when anything scrolls.
 */
export function Tooltip({ label, children }: { label: ReactNode; children: ReactElement<TriggerProps> }) {
  const id = useId();
  const [anchor, setAnchor] = useState<DOMRect | null>(null);
  const close = useCallback(() => setAnchor(null), []);
  const own = children.props;

  const show = (event: MouseEvent<HTMLElement> | FocusEvent<HTMLElement>) => setAnchor(event.currentTarget.getBoundingClientRect());

  useEffect(() => {
    if (!anchor) return;
    window.addEventListener('scroll', close, true);
    window.addEventListener('resize', close);
    return () => {
      window.removeEventListener('scroll', close, true);
      window.removeEventListener('resize', close);
    };
  }, [anchor, close]);

  const trigger = cloneElement(children, {
    'aria-describedby': anchor ? [own['aria-describedby'], id].filter(Boolean).join(' ') : own['aria-describedby'],
    onMouseEnter: (event: MouseEvent<HTMLElement>) => {
      own.onMouseEnter?.(event);
      show(event);
    },
    onMouseLeave: (event: MouseEvent<HTMLElement>) => {
      own.onMouseLeave?.(event);
      close();
    },
    onFocus: (event: FocusEvent<HTMLElement>) => {
      own.onFocus?.(event);
      show(event);
    },
    onBlur: (event: FocusEvent<HTMLElement>) => {
      own.onBlur?.(event);
      close();
    },
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      own.onKeyDown?.(event);
      if (event.key === 'Escape' && anchor) {
        event.stopPropagation();
        close();
      }
    },
  });

  return (
    <>
      {trigger}
      {anchor ? createPortal(<TooltipBubble id={id} anchor={anchor} label={label} />, document.body) : null}
    </>
  );
}

function TooltipBubble({ id, anchor, label }: { id: string; anchor: DOMRect; label: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  // Measured before paint, so the bubble never shows at a wrong place first.
  useLayoutEffect(() => {
    const bubble = ref.current?.getBoundingClientRect();
    if (!bubble) return;
    const above = anchor.top - GAP - bubble.height;
    const top = above >= MARGIN ? above : anchor.bottom + GAP;
    const centred = anchor.left + anchor.width / 2 - bubble.width / 2;
    const left = Math.max(MARGIN, Math.min(centred, window.innerWidth - bubble.width - MARGIN));
    setPosition({ top, left });
  }, [anchor]);

  return (
    <div
      ref={ref}
      id={id}
      role="tooltip"
      className={classes.tooltip}
      style={position ? { top: position.top, left: position.left } : { top: 0, left: 0, visibility: 'hidden' }}
    >
      {label}
    </div>
  );
}
