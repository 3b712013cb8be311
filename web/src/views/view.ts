/** What the router asks of a page. */
import type { Route } from '../state.js';

export interface Nav {
  /** Go to a route; `replace` rewrites the address without a new history entry (sliders, map moves). */
  go(route: Route, options?: { replace?: boolean }): void;
  /** Reload who is signed in and the data that depends on it, then show the current route again. */
  refresh(): Promise<void>;
}

export interface View {
  /** The route changed but the page is the same: update in place (keeps the map). */
  update?(route: Route): void;
  unmount?(): void;
}

export type MountView = (el: HTMLElement, route: Route, nav: Nav) => View;
