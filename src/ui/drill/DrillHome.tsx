/**
 * The drill page without a role: the built-in drills, each opened as the
 * trainer's console (which opens the trainee windows of its session: they
 * need its token, so there is no trainee link here), and the review of a
 * saved drill record.
 */
import { BUILTIN_DRILLS } from '../../app/drill/drills.ts';
import { useDrill } from '../../app/drill/store.ts';
import { pick, useT } from './i18n/index.ts';

export function DrillHome() {
  const t = useT();
  const lang = useDrill((s) => s.lang);
  const url = (id: string, role: string) =>
    `./drill.html?drill=${encodeURIComponent(id)}&role=${role}${lang === 'en' ? '&lang=en' : ''}`;
  return (
    <main className="drill-home" data-testid="drill-home">
      <h1>{t('home.title')}</h1>
      <p className="muted">{t('home.intro')}</p>
      <ul className="drill-cards">
        {BUILTIN_DRILLS.map((d) => (
          <li key={d.id} className="panel drill-card" data-drill={d.id}>
            <h2>{pick(lang, d.name)}</h2>
            {d.description && <p>{pick(lang, d.description)}</p>}
            <div className="card-actions">
              <a
                className="btn primary"
                href={url(d.id, 'trainer')}
                target="_blank"
                rel="noopener"
                data-testid={`open-trainer-${d.id}`}
              >
                {t('home.openTrainer')}
              </a>
            </div>
          </li>
        ))}
      </ul>
      <p>
        <a className="link" href={`./drill.html?role=review${lang === 'en' ? '&lang=en' : ''}`}>
          {t('home.review')}
        </a>
      </p>
    </main>
  );
}
