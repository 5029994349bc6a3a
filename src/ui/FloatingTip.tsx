/**
 * A small floating box (tooltip or popover) beside an anchor rectangle, in
 * the browser's top layer (the popover API), so no panel's `overflow` clips
 * it. It opens below the anchor, or above when there is no room below, and
 * stays inside the window.
 *
 * Props: `anchor` (the rectangle to sit beside, in viewport coordinates;
 * null: closed), `id` (for aria-describedby), `role` (default 'tooltip'),
 * `className`, `testId`, `children` (rendered only while open).
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';

export interface AnchorRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface FloatingTipProps {
  anchor: AnchorRect | null;
  id?: string;
  role?: 'tooltip' | 'dialog';
  className?: string;
  testId?: string;
  children?: ReactNode;
}

const GAP = 6;
const MARGIN = 8;

export function FloatingTip({ anchor, id, role = 'tooltip', className = '', testId, children }: FloatingTipProps) {
  const ref = useRef<HTMLDivElement>(null);
  // every render: the content (language, numbers) may change the box's size
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const open = el.matches(':popover-open');
    if (!anchor) {
      if (open) el.hidePopover();
      return;
    }
    if (!open) el.showPopover();
    const w = el.offsetWidth,
      h = el.offsetHeight;
    const vw = window.innerWidth,
      vh = window.innerHeight;
    const left = Math.max(MARGIN, Math.min(anchor.left, vw - w - MARGIN));
    const below = anchor.bottom + GAP;
    const top = below + h <= vh - MARGIN ? below : Math.max(MARGIN, anchor.top - GAP - h);
    el.style.left = `${Math.round(left)}px`;
    el.style.top = `${Math.round(top)}px`;
  });
  return (
    <div
      ref={ref}
      id={id}
      popover="manual"
      role={role}
      className={`floating-tip ${className}`}
      data-testid={testId}
      data-open={anchor ? 'true' : 'false'}
    >
      {anchor ? children : null}
    </div>
  );
}
