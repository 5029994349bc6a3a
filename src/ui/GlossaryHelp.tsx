/**
 * A "?" beside a KPI's name that opens its glossary entry (src/analysis/glossary.ts):
 * the definition, the unit, and which cases it counts, in the UI language.
 * It opens on hover and on keyboard focus, stays open when clicked (a second
 * click, Escape or a click elsewhere closes it).
 *
 * Props: `term` (the glossary key, e.g. 'meanWaitS').
 */
import { useEffect, useId, useRef, useState } from 'react';
import { glossaryEntry, UNIT_LABELS, type GlossaryKey } from '../analysis/glossary.ts';
import { useStore } from '../app/useStore.ts';
import { useT } from './i18n/index.ts';
import { FloatingTip, type AnchorRect } from './FloatingTip.tsx';

export function GlossaryHelp({ term }: { term: GlossaryKey }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const id = useId();
  const btn = useRef<HTMLButtonElement>(null);
  const [hover, setHover] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [anchor, setAnchor] = useState<AnchorRect | null>(null);
  const open = hover || pinned;
  const e = glossaryEntry(term);
  const pick = (b: { zh: string; en: string }) => (lang === 'en' ? b.en : b.zh);

  const measure = () => {
    const r = btn.current?.getBoundingClientRect();
    if (r) setAnchor({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  };
  const close = () => {
    setHover(false);
    setPinned(false);
  };

  useEffect(() => {
    if (!pinned) return;
    const onDown = (ev: PointerEvent) => {
      if (
        ev.target instanceof Node &&
        (btn.current?.contains(ev.target) || document.getElementById(id)?.contains(ev.target))
      )
        return;
      setPinned(false);
    };
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key === 'Escape') close();
    };
    const onMove = () => setPinned(false); // scrolled or resized: the anchor moved
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    window.addEventListener('resize', onMove);
    document.addEventListener('scroll', onMove, true);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('resize', onMove);
      document.removeEventListener('scroll', onMove, true);
    };
  }, [pinned, id]);

  return (
    <>
      <button
        ref={btn}
        type="button"
        className="help-btn"
        data-glossary={term}
        aria-label={t('glossary.about', { name: pick(e.name) })}
        aria-expanded={open}
        aria-describedby={open ? id : undefined}
        onMouseEnter={() => {
          measure();
          setHover(true);
        }}
        onMouseLeave={() => setHover(false)}
        onFocus={(ev) => {
          if (ev.currentTarget.matches(':focus-visible')) {
            measure();
            setHover(true);
          }
        }}
        onBlur={() => setHover(false)}
        onKeyDown={(ev) => {
          if (ev.key === 'Escape') close();
        }}
        onClick={() => {
          if (pinned) close();
          else {
            measure();
            setPinned(true);
          }
        }}
      >
        ?
      </button>
      <FloatingTip anchor={open ? anchor : null} id={id} className="glossary-tip" testId={`glossary-${term}`}>
        <p className="glossary-head">
          <strong>{pick(e.name)}</strong>
          <span className="muted"> · {t('glossary.unit', { unit: pick(UNIT_LABELS[e.unit]) })}</span>
        </p>
        <p>{pick(e.def)}</p>
        <p className="glossary-counts">{t('glossary.counts', { what: pick(e.counts) })}</p>
      </FloatingTip>
    </>
  );
}
