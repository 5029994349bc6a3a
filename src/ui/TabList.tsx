/**
 * An accessible tab strip (WAI-ARIA tabs): buttons with role "tab", the
 * selected one in the tab order, ←/→ (and Home/End) move between tabs and
 * select. Each tab's id is `${idPrefix}-${id}`; the panel it controls is
 * `${idPrefix}-panel-${id}`. `data-testid` is `${idPrefix}-${id}` too.
 *
 * Props: `tabs` (id and label), `value` (selected id), `onChange`, `label`
 * (accessible name of the strip), `small` (compact style, default false).
 */
import { useRef, type KeyboardEvent } from 'react';

export interface TabListProps {
  tabs: { id: string; label: string }[];
  value: string;
  onChange: (id: string) => void;
  label: string;
  idPrefix: string;
  small?: boolean;
}

export function TabList({ tabs, value, onChange, label, idPrefix, small = false }: TabListProps) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, i: number) => {
    let j = -1;
    if (e.key === 'ArrowRight') j = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = tabs.length - 1;
    if (j < 0) return;
    e.preventDefault();
    onChange(tabs[j].id);
    refs.current[j]?.focus();
  };
  return (
    <div className={`tablist ${small ? 'small' : ''}`} role="tablist" aria-label={label}>
      {tabs.map((tab, i) => (
        <button
          key={tab.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-${tab.id}`}
          data-testid={`${idPrefix}-${tab.id}`}
          aria-selected={value === tab.id}
          aria-controls={`${idPrefix}-panel-${tab.id}`}
          tabIndex={value === tab.id ? 0 : -1}
          className={`tab ${value === tab.id ? 'active' : ''}`}
          onClick={() => onChange(tab.id)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
