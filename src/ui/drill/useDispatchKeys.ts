/**
 * The trainee's keyboard (see src/app/drill/dispatchKeys.ts for the keys):
 * one keydown listener on the window that asks the pure `dispatchKey` what
 * a key means against the inbox as shown, and does it. Keys typed into a
 * field (the priority select, a text box) are left alone, as are keys with
 * Ctrl, Alt or Meta. The first key or click also unlocks the alert sound.
 */
import { useEffect } from 'react';
import type { TraineeController } from '../../app/drill/trainee.ts';
import type { TrainerController } from '../../app/drill/trainer.ts';
import { dispatchKey } from '../../app/drill/dispatchKeys.ts';
import { unlockAudio } from '../../app/drill/beep.ts';
import { crewsFrom } from './model.ts';

export function useDispatchKeys(ctl: TraineeController | TrainerController): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      unlockAudio();
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.closest('input, textarea, select, [contenteditable="true"]') || el.isContentEditable)) return;
      const s = ctl.store.getState();
      const st = s.state;
      if (!st || st.done || s.view !== 'console' || s.busy) return;
      const item = st.inbox.find((i) => i.caseId === s.selectedCase);
      const crews =
        item && s.candidates ? crewsFrom(s.candidates, item.crew, 9).map((c) => c.map((m) => m.staff)) : null;
      const intent = dispatchKey(e.key, { inbox: st.inbox.map((i) => i.caseId), selected: s.selectedCase, crews });
      if (!intent) return;
      // Enter on a focused button would click it too: the keyboard's meaning wins
      e.preventDefault();
      switch (intent.kind) {
        case 'select':
          ctl.selectCase(intent.caseId);
          return;
        case 'close':
          ctl.selectCase(null);
          return;
        case 'assignNearest':
          void ctl.assignNearest(intent.caseId);
          return;
        case 'assignCrew':
          void ctl.assign(intent.caseId, intent.staff);
          return;
      }
    };
    const onPointer = () => unlockAudio();
    addEventListener('keydown', onKey);
    addEventListener('pointerdown', onPointer);
    return () => {
      removeEventListener('keydown', onKey);
      removeEventListener('pointerdown', onPointer);
    };
  }, [ctl]);
}
