/**
 * Whether a difference is significant (its 95 % CI excludes 0), in words and
 * a symbol, not colour alone: "✱ 显著" / "不显著" / "—" (fewer than two pairs).
 * `data-significant` is "true", "false" or "null".
 */
import { useT } from '../i18n/index.ts';

export function SigMark({ significant }: { significant: boolean | null }) {
  const t = useT();
  if (significant === null) {
    return (
      <span className="sig sig-none" data-significant="null" title={t('exp.sig.noneTitle')}>
        —
      </span>
    );
  }
  return significant ? (
    <span className="sig sig-yes" data-significant="true" title={t('exp.sig.yesTitle')}>
      <span aria-hidden="true">✱ </span>
      {t('exp.sig.yes')}
    </span>
  ) : (
    <span className="sig sig-no" data-significant="false" title={t('exp.sig.noTitle')}>
      {t('exp.sig.no')}
    </span>
  );
}
