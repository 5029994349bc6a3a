/**
 * Keyboard shortcuts: Space play/pause, ArrowRight step +10 min,
 * ArrowUp/ArrowDown faster/slower. Ignored while typing in a field or
 * with a modifier held.
 */
import { useEffect } from 'react';
import type { Controller } from './controller.ts';

function isTyping(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName);
}

export function useKeyboard(ctl: Controller): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      switch (e.key) {
        case ' ':
        case 'Spacebar':
          e.preventDefault(); // not also "click" a focused button
          if (!e.repeat) ctl.togglePlay();
          break;
        case 'ArrowRight':
          e.preventDefault();
          ctl.step();
          break;
        case 'ArrowUp':
          e.preventDefault();
          ctl.faster();
          break;
        case 'ArrowDown':
          e.preventDefault();
          ctl.slower();
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctl]);
}
