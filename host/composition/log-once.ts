/** Calls `log` once for each distinct first argument: an operator is told of a problem, not of every request meeting it. */
export function onceEach<A extends unknown[]>(log: (key: string, ...rest: A) => void): (key: string, ...rest: A) => void {
  const told = new Set<string>();
  return (key, ...rest) => {
    if (told.has(key)) return;
    told.add(key);
    log(key, ...rest);
  };
}
