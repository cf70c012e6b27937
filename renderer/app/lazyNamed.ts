// React.lazy over a named export (the project has no default exports): the module is
// imported when the component first renders, and `name` is checked against its exports.
import { lazy, type ComponentType } from 'react';

export const lazyNamed = <K extends string, M extends Record<K, ComponentType>>(
  load: () => Promise<M>,
  name: K,
) => lazy(async () => ({ default: (await load())[name] }));
