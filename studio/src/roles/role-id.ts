import { identifierFrom } from '../workflows/ids';
import { ADMIN_ROLE } from './roles-model';

/**
 * A new role's id from its title, as fields' and stages' ids are (区域经理 → quYuJingLi, `Regional manager` →
 * regionalManager), never `admin` nor one of `taken` (regionalManager2…).
 */
export function roleIdFrom(title: string, taken: Iterable<string>): string {
  return identifierFrom(title, [...taken, ADMIN_ROLE], 'role');
}
