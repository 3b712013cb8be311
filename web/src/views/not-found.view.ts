import { h, link, replace } from '../dom.js';
import type { MountView } from './view.js';

export const mountNotFound: MountView = (el, route) => {
  replace(
    el,
    h(
      'div',
      { class: 'page narrow-page', testid: 'not-found' },
      h('h1', { text: 'Page not found' }),
      h('p', null, 'There is no page at ', h('code', { text: route.page === 'not-found' ? route.path : '' }), '.'),
      link('#/', 'Go to the map'),
    ),
  );
  return {};
};
