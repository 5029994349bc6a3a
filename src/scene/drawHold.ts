/**
 * Whether the scene draws in this animation frame or the next.
 *
 * `hold()` says the page's panels changed since the last animation frame
 * (the browser lays them out and paints them in this one). Drawing the
 * canvas in the same frame made one task of both, over 50 ms at maximum
 * speed on a large district (issue 12); the draw then waits one frame.
 * Never two frames in a row: a page that changes every frame still sees
 * the scene drawn every other frame.
 */
export function createDrawHold(hold: () => boolean): () => boolean {
  let held = false;
  /** True: draw now; false: skip this frame (ask for the next). */
  return () => {
    const changed = hold(); // asked every frame, so a change is seen in the frame its paint falls in
    if (!held && changed) {
      held = true;
      return false;
    }
    held = false;
    return true;
  };
}

/**
 * `true` once after each change of the values `read` returns (compared by identity, element by element): has what the
 * panels show changed since the last call?
 */
export function changedSince(read: () => readonly unknown[]): () => boolean {
  let last: readonly unknown[] | null = null;
  return () => {
    const now = read();
    const changed = last !== null && (now.length !== last.length || now.some((v, i) => !Object.is(v, last![i])));
    last = now;
    return changed;
  };
}
