import { useApiGet } from '@lodestar/ui-shared';
import type { Library } from './types';

const EMPTY: Library = { guards: [], actions: [] };

/** The engine's guard and action library; empty while it loads (the pickers then show current names only). */
export function useLibrary(): Library {
  const [state] = useApiGet('/meta/library');
  return state.status === 'ready' ? state.data : EMPTY;
}
