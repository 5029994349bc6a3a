/**
 * Small inline SVG icons (no icon font, no emoji font needed: system fonts
 * on Linux often lack emoji). `currentColor` strokes follow the text colour.
 */
export type IconName = 'sun' | 'moon' | 'rain' | 'cloud' | 'play' | 'pause' | 'step' | 'restart' | 'open' | 'close';

const PATHS: Record<IconName, string> = {
  sun: 'M12 7a5 5 0 1 0 0 10a5 5 0 1 0 0-10zM12 1v3M12 20v3M1 12h3M20 12h3M4.2 4.2l2.1 2.1M17.7 17.7l2.1 2.1M4.2 19.8l2.1-2.1M17.7 6.3l2.1-2.1',
  moon: 'M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z',
  rain: 'M6 14a4 4 0 0 1 .5-8A6 6 0 0 1 18 7a3.5 3.5 0 0 1 0 7zM8 17l-1 3M12 17l-1 3M16 17l-1 3',
  cloud: 'M6 17a4 4 0 0 1 .5-8A6 6 0 0 1 18 10a3.5 3.5 0 0 1 0 7z',
  play: 'M7 4l13 8l-13 8z',
  pause: 'M7 4h3v16h-3zM14 4h3v16h-3z',
  step: 'M5 4l9 8l-9 8zM17 4h2v16h-2z',
  restart: 'M4 12a8 8 0 1 0 2.3-5.6M4 3v4h4',
  open: 'M3 6h6l2 2h10v11H3zM3 6v13',
  close: 'M6 6l12 12M18 6L6 18',
};

export function Icon({ name, size = 16, filled = false }: { name: IconName; size?: number; filled?: boolean }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
