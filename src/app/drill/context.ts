/**
 * The drill page's controller in React context: the trainer's, a trainee's,
 * the standalone review's, or the start page's. Components read state with
 * `useDrill` (store.ts) and call the controller they find here.
 */
import { createContext, useContext } from 'react';
import type { TrainerController } from './trainer.ts';
import type { TraineeController } from './trainee.ts';
import type { ReviewController, ReviewState } from './review.ts';
import { useStoreOf, type DrillPageState, type Lang, type Store } from './store.ts';

export interface ReviewPageController {
  role: 'review';
  store: Store<DrillPageState>;
  review: ReviewController;
  setLang(lang: Lang): void;
  closeReview(): void;
  dispose(): void;
}

export interface HomePageController {
  role: 'home';
  store: Store<DrillPageState>;
  setLang(lang: Lang): void;
  dispose(): void;
}

export type PageController = TrainerController | TraineeController | ReviewPageController | HomePageController;

export const PageControllerContext = createContext<PageController | null>(null);

export function usePageController(): PageController {
  const c = useContext(PageControllerContext);
  if (!c) throw new Error('usePageController: no PageControllerContext provider');
  return c;
}

export function useTrainer(): TrainerController {
  const c = usePageController();
  if (c.role !== 'trainer') throw new Error('useTrainer: not the trainer window');
  return c;
}

export function useTrainee(): TraineeController {
  const c = usePageController();
  if (c.role !== 'trainee') throw new Error('useTrainee: not a trainee window');
  return c;
}

/** The console (trainer or trainee) of this window. */
export function useConsole(): TrainerController | TraineeController {
  const c = usePageController();
  if (c.role !== 'trainer' && c.role !== 'trainee') throw new Error('useConsole: no console in this window');
  return c;
}

export function useReviewController(): ReviewController {
  const c = usePageController();
  if (c.role === 'home') throw new Error('useReviewController: no review on the start page');
  return c.review;
}

/** Select a slice of the review's state. */
export function useReview<U>(selector: (s: ReviewState) => U): U {
  return useStoreOf(useReviewController().store, selector);
}
