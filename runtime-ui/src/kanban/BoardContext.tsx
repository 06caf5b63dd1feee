import { createContext, useContext } from 'react';
import type { WorkflowDefinition } from '@lodestar/core';

/** The workflow the board shows, for deep components (menus, chooser) that name its states and events. */
export const BoardWorkflowContext = createContext<WorkflowDefinition | undefined>(undefined);

export function useBoardWorkflow(): WorkflowDefinition | undefined {
  return useContext(BoardWorkflowContext);
}
