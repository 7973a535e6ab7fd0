import { useEffect, useState } from 'react';

/** A hash router: `#/meters/123` is the route `/meters/123`, which survives reloads with no server help. */
export function useRoute(): string {
  const [route, setRoute] = useState(() => window.location.hash.slice(1) || '/');
  useEffect(() => {
    const onChange = () => setRoute(window.location.hash.slice(1) || '/');
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export const go = (route: string) => {
  window.location.hash = route;
};
