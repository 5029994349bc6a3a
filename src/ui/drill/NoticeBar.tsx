/** The outcome of the last action (assigned, refused and why), announced to screen readers; in the page's language, the other below. */
import { useDrill } from '../../app/drill/store.ts';
import { BilingualMessage } from '../BilingualMessage.tsx';

export function NoticeBar() {
  const n = useDrill((s) => s.notice);
  const lang = useDrill((s) => s.lang);
  return (
    <div
      className={`notice-bar ${n ? `is-${n.kind}` : ''}`}
      role="status"
      aria-live="polite"
      data-testid="drill-notice"
      data-kind={n?.kind ?? ''}
      data-seq={n?.seq ?? 0}
    >
      {n && <BilingualMessage msg={n} lang={lang} className="notice-msg" altClassName="notice-alt" />}
    </div>
  );
}
